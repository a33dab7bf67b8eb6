package io.hostwright.infrastructure.cdk;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetEventDestinationOptions;
import software.amazon.awscdk.services.ses.EmailSendingEvent;
import software.amazon.awscdk.services.ses.EventDestination;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.Identity;
import software.constructs.Construct;

import java.util.List;

/**
 * The SES domain identity mail is sent from and the configuration set every send names, which publishes SES's
 * "Email Sent" events to EventBridge's default bus (the mail log's proof that a mail went out). The domain is verified
 * through the DKIM records output by the stack, which ops add to the domain's DNS.
 */
public final class MailConstruct extends Construct {

    private final EmailIdentity identity;
    private final ConfigurationSet configurationSet;

    public MailConstruct(Construct scope, String id, String domain) {
        super(scope, id);
        configurationSet = ConfigurationSet.Builder.create(this, "ConfigurationSet").build();
        // SES's own record of each send, on the default bus, where the mail-sent function's rule takes it
        configurationSet.addEventDestination("SendEvents", ConfigurationSetEventDestinationOptions.builder()
                .destination(EventDestination.eventBus(EventBus.fromEventBusName(this, "DefaultBus", "default")))
                .events(List.of(EmailSendingEvent.SEND))
                .build());
        identity = EmailIdentity.Builder.create(this, "DomainIdentity")
                .identity(Identity.domain(domain))
                .configurationSet(configurationSet)
                .build();
        for (int i = 0; i < identity.getDkimRecords().size(); i++) {
            var record = identity.getDkimRecords().get(i);
            CfnOutput.Builder.create(this, "DkimRecord" + (i + 1))
                    .description("CNAME to add to " + domain + "'s DNS so SES can verify it")
                    .value(record.getName() + " CNAME " + record.getValue())
                    .build();
        }
    }

    public String configurationSetName() {
        return configurationSet.getConfigurationSetName();
    }

    /** SES v2 SendEmail checks both the identity and the configuration set, so both ARNs and nothing else. */
    public void grantSend(IGrantable grantee) {
        String configurationSetArn = Stack.of(this).formatArn(ArnComponents.builder()
                .service("ses")
                .resource("configuration-set")
                .resourceName(configurationSet.getConfigurationSetName())
                .build());
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("ses:SendEmail", "ses:SendRawEmail"))
                .resources(List.of(identity.getEmailIdentityArn(), configurationSetArn))
                .build());
    }
}
