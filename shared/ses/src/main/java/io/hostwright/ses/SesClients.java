package io.hostwright.ses;

import io.hostwright.lambda.aws.AwsClientSettings;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The SES v2 client a function builds once, at init ({@code AWS_ENDPOINT_URL_SES} points it at the emulator). */
public final class SesClients {

    private SesClients() {
    }

    public static SesV2Client fromEnvironment() {
        return AwsClientSettings.configure(SesV2Client.builder(), "SES").build();
    }
}
