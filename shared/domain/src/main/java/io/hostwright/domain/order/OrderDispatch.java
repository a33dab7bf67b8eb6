package io.hostwright.domain.order;

import io.hostwright.domain.catalog.BillingCycle;
import io.hostwright.domain.catalog.BooleanOption;
import io.hostwright.domain.catalog.ChoiceOption;
import io.hostwright.domain.catalog.IntegerOption;
import io.hostwright.domain.catalog.OrderOption;
import io.hostwright.domain.catalog.Product;
import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.mail.MailVariables;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.domain.step.StepMessage;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts an accepted order's first provisioning step and its "initial order" e-mail on their queues, then records
 * the order as dispatched. Safe to repeat: the provisioning step and the mailer both ignore a second copy.
 */
public final class OrderDispatch {

    private final OrderRepository orders;
    private final StepQueue provisioning;
    private final MailQueue mail;
    private final Clock clock;

    public OrderDispatch(OrderRepository orders, StepQueue provisioning, MailQueue mail, Clock clock) {
        this.orders = orders;
        this.provisioning = provisioning;
        this.mail = mail;
        this.clock = clock;
    }

    public void dispatch(Order order) {
        provisioning.enqueue(new StepMessage(order.serviceId(), order.orderId(), order.backend(),
                StepMessage.FIRST_STEP, 1));
        mail.enqueue(MailRequest.once(order.serviceId(), MailTemplate.INITIAL_ORDER, order.customerEmail(),
                initialOrderVariables(order)));
        orders.markDispatched(order.orderId(), clock.instant());
    }

    /** What the customer chose, in the catalog's words (names, labels), as the other mails name it. */
    static Map<String, String> initialOrderVariables(Order order) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MailVariables.ORDER_ID, order.orderId());
        v.put(MailVariables.SERVICE_ID, order.serviceId());
        v.put(MailVariables.PRODUCT_NAME, order.productName());
        v.put(MailVariables.HOSTNAME, order.hostname() == null ? order.serviceId() : order.hostname());
        // an order taken before orders pinned the catalog's words still says what was chosen, by id and key
        if (order.osName() != null) {
            v.put(MailVariables.OS, order.osName());
        } else if (order.osTemplateId() != null) {
            v.put(MailVariables.OS, order.osTemplateId());
        }
        if (order.optionsText() != null) {
            v.put(MailVariables.OPTIONS, order.optionsText());
        } else if (!order.options().isEmpty()) {
            v.put(MailVariables.OPTIONS, order.options().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
        }
        v.put(MailVariables.BILLING_CYCLE, billingCycleInWords(order.billingCycle()));
        v.put(MailVariables.PRICE, order.price().display());
        return v;
    }

    /**
     * The chosen options as the storefront shows them, in the product's order: "IPv4 addresses: 2, Monthly traffic
     * (TB): 20 TB, Managed backup: yes". Empty when the product has no options.
     */
    public static String optionsInWords(Product product, Map<String, String> chosen) {
        return product.options().stream()
                .filter(option -> chosen.containsKey(option.key()))
                .map(option -> option.label() + ": " + valueInWords(option, chosen.get(option.key())))
                .collect(Collectors.joining(", "));
    }

    private static String valueInWords(OrderOption option, String value) {
        return switch (option) {
            case ChoiceOption choice -> choice.choice(value).map(ChoiceOption.Choice::label).orElse(value);
            case BooleanOption ignored -> Boolean.parseBoolean(value) ? "yes" : "no";
            case IntegerOption ignored -> value;
        };
    }

    static String billingCycleInWords(BillingCycle cycle) {
        return switch (cycle) {
            case MONTHLY -> "Monthly";
            case QUARTERLY -> "Every 3 months";
            case SEMI_ANNUALLY -> "Every 6 months";
            case ANNUALLY -> "Yearly";
            case BIENNIALLY -> "Every 2 years";
        };
    }
}
