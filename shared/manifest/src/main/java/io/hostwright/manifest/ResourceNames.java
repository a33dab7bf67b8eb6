package io.hostwright.manifest;

/**
 * Where a deployment's resources are: the CDK answers with CloudFormation tokens, the laptop runtime with emulator
 * URLs. {@link Manifest#environmentFor} turns this into a function's environment the same way for both.
 */
public interface ResourceNames {

    String tableName();

    /** The customer credentials table (root passwords), apart from everything the API reads. */
    String credentialsTableName();

    String queueUrl(String queueName);

    /** Verified sender address for customer and staff mail. */
    String mailFrom();

    /** SES configuration set name, or null where there is none (the emulator). */
    String mailConfigurationSet();
}
