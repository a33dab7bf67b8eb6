package io.hostwright.json.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostwright.domain.problem.InvalidRequest;
import io.hostwright.domain.template.TemplateEdit;

import java.util.List;
import java.util.Set;

/**
 * Staff's change to an OS template, checked field by field: any of {@code displayName} (blank or null: the back-end's
 * name again), {@code sortOrder}, {@code tags} and {@code enabled}; the fields left out keep their value.
 */
public final class TemplateEditReader {

    private static final Set<String> FIELDS = Set.of("displayName", "sortOrder", "tags", "enabled");
    private static final String TAG = "[A-Za-z0-9][A-Za-z0-9._:-]{0,39}";

    private TemplateEditReader() {
    }

    public static TemplateEdit read(JsonNode node) {
        StrictReader r = new StrictReader();
        if (!r.object(node, "")) {
            throw new InvalidRequest(r.violations());
        }
        r.onlyKnown(node, "", FIELDS);
        String displayName = null;
        if (node.has("displayName")) {
            JsonNode value = node.get("displayName");
            if (value.isNull()) {
                displayName = "";
            } else {
                displayName = r.text(node, "", "displayName", "[^\\p{Cntrl}]{0,200}", false);
            }
        }
        Long sortOrder = r.whole(node, "", "sortOrder", false);
        if (sortOrder != null && (sortOrder < -1_000_000 || sortOrder > 1_000_000)) {
            r.problem("sortOrder", "must be between -1000000 and 1000000");
        }
        List<String> tags = node.has("tags") ? r.texts(node, "", "tags", TAG) : null;
        if (tags != null && tags.size() > 20) {
            r.problem("tags", "at most 20 tags");
        }
        Boolean enabled = r.flag(node, "", "enabled");
        if (!r.violations().isEmpty()) {
            throw new InvalidRequest(r.violations());
        }
        return new TemplateEdit(displayName, sortOrder == null ? null : sortOrder.intValue(), tags, enabled);
    }
}
