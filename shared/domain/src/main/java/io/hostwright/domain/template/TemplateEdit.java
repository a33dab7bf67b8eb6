package io.hostwright.domain.template;

import java.util.List;

/**
 * What staff change on a template: each field given replaces the stored one, each null keeps it.
 *
 * @param displayName  the name customers see; blank: the back-end's name again
 * @param enabled      false switches it off for every product (kept across syncs)
 */
public record TemplateEdit(String displayName, Integer sortOrder, List<String> tags, Boolean enabled) {

    public boolean isEmpty() {
        return displayName == null && sortOrder == null && tags == null && enabled == null;
    }
}
