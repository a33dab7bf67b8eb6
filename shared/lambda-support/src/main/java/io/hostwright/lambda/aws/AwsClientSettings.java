package io.hostwright.lambda.aws;

import io.hostwright.lambda.FunctionEnvironment;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How every SDK client is built: explicit region and credentials (no provider-chain discovery at cold start), the
 * light URL-connection HTTP client, short timeouts, and an endpoint override ({@code AWS_ENDPOINT_URL_<SERVICE>})
 * that only the laptop runtime sets.
 */
public final class AwsClientSettings {


    private AwsClientSettings() {
    }

    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String service) {
        builder.region(Region.of(FunctionEnvironment.orDefault("AWS_REGION", "eu-west-1")))
                .credentialsProvider(AwsCredentialsProviderChain.of(
                        EnvironmentVariableCredentialsProvider.create(), SystemPropertyCredentialsProvider.create()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(Duration.ofSeconds(8))
                        .addExecutionInterceptor(AwsCallCounter.INSTANCE)
                        .build());
        FunctionEnvironment.optional("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT))
                .ifPresent(url -> builder.endpointOverride(URI.create(url)));
        return builder;
    }
}
