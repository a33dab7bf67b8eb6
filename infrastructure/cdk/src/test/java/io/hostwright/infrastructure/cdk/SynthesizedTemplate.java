package io.hostwright.infrastructure.cdk;

import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A synthesized template as plain Java maps (one jsii round trip, then fast lookups), with the helpers the wiring
 * tests share: logical ids of constructs, references, and the IAM actions a role is granted.
 */
final class SynthesizedTemplate {

    private final Stack stack;
    private final Map<String, Map<String, Object>> resources;

    @SuppressWarnings("unchecked")
    SynthesizedTemplate(Stack stack) {
        this.stack = stack;
        this.resources = (Map<String, Map<String, Object>>) Template.fromStack(stack).toJSON().get("Resources");
    }

    String logicalId(IConstruct construct) {
        IConstruct cfn = construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
        return stack.resolve(((CfnElement) cfn).getLogicalId()).toString();
    }

    Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = resources.get(logicalId);
        if (resource == null) {
            throw new AssertionError("no resource " + logicalId);
        }
        return resource;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) resource(logicalId).getOrDefault("Properties", Map.of());
    }

    /** Logical id to properties of every resource of a type. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> ofType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources.forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                found.put(id, (Map<String, Object>) resource.getOrDefault("Properties", Map.of()));
            }
        });
        return found;
    }

    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    static Map<String, Object> getAtt(String logicalId, String attribute) {
        return Map.of("Fn::GetAtt", List.of(logicalId, attribute));
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** Every statement of every IAM policy attached to the role. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> statementsOf(String roleLogicalId) {
        List<Map<String, Object>> statements = new ArrayList<>();
        ofType("AWS::IAM::Policy").forEach((id, policy) -> {
            if (((List<Object>) policy.get("Roles")).contains(ref(roleLogicalId))) {
                Map<String, Object> document = (Map<String, Object>) policy.get("PolicyDocument");
                statements.addAll((List<Map<String, Object>>) document.get("Statement"));
            }
        });
        return statements;
    }

    Set<String> actionsOf(String roleLogicalId) {
        Set<String> actions = new LinkedHashSet<>();
        for (Map<String, Object> statement : statementsOf(roleLogicalId)) {
            actions.addAll(asList(statement.get("Action")).stream().map(Object::toString).toList());
        }
        return actions;
    }

    /** Resources of the statements granting the action to the role. */
    List<Object> resourcesGranted(String roleLogicalId, String action) {
        List<Object> granted = new ArrayList<>();
        for (Map<String, Object> statement : statementsOf(roleLogicalId)) {
            if (asList(statement.get("Action")).contains(action)) {
                granted.addAll(asList(statement.get("Resource")));
            }
        }
        return granted;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }
}
