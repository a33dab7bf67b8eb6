package io.hostwright.domain.order;

import io.hostwright.domain.mail.MailQueue;
import io.hostwright.domain.mail.MailRequest;
import io.hostwright.domain.mail.MailTemplate;
import io.hostwright.domain.step.StepQueue;
import io.hostwright.domain.step.StepMessage;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

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
        provisioning.enqueue(new StepMessage(order.serviceId(), order.orderId(), order.module(),
                StepMessage.FIRST_STEP, 1));
        mail.enqueue(MailRequest.once(order.serviceId(), MailTemplate.INITIAL_ORDER, order.customerEmail(),
                initialOrderVariables(order)));
        orders.markDispatched(order.orderId(), clock.instant());
    }

    static Map<String, String> initialOrderVariables(Order order) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("orderId", order.orderId());
        v.put("serviceId", order.serviceId());
        v.put("productName", order.productName());
        v.put("hostname", order.hostname());
        v.put("os", order.osTemplateId());
        v.put("ipv4", Integer.toString(order.ipv4()));
        v.put("bandwidthTb", Integer.toString(order.bandwidthTb()));
        v.put("billingCycle", order.billingCycle().code());
        v.put("price", order.price().display());
        return v;
    }
}
