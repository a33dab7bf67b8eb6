package io.hostwright.domain.order;

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

    static Map<String, String> initialOrderVariables(Order order) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(MailVariables.ORDER_ID, order.orderId());
        v.put(MailVariables.SERVICE_ID, order.serviceId());
        v.put(MailVariables.PRODUCT_NAME, order.productName());
        v.put(MailVariables.HOSTNAME, order.hostname() == null ? order.serviceId() : order.hostname());
        if (order.osTemplateId() != null) {
            v.put(MailVariables.OS, order.osTemplateId());
        }
        if (!order.options().isEmpty()) {
            v.put(MailVariables.OPTIONS, order.options().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
        }
        v.put(MailVariables.BILLING_CYCLE, order.billingCycle().code());
        v.put(MailVariables.PRICE, order.price().display());
        return v;
    }
}
