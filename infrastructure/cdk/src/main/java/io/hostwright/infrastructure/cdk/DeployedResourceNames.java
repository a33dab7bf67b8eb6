package io.hostwright.infrastructure.cdk;

import io.hostwright.manifest.ResourceNames;

/** The manifest's resource names answered with CloudFormation tokens of this stack's resources. */
record DeployedResourceNames(TableConstruct table, CredentialsConstruct credentials, QueuesConstruct queues,
                             String mailFrom, MailConstruct mail)
        implements ResourceNames {

    @Override
    public String tableName() {
        return table.table().getTableName();
    }

    @Override
    public String credentialsTableName() {
        return credentials.table().getTableName();
    }

    @Override
    public String queueUrl(String queueName) {
        return queues.queue(queueName).getQueueUrl();
    }

    @Override
    public String mailConfigurationSet() {
        return mail == null ? null : mail.configurationSetName();
    }
}
