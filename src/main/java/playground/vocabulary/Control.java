package playground.vocabulary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One control of the widget: the name a lesson's {@code hide}, {@code lock} and {@code compare} options use, the run
 * document's field it edits and that field's rule. Immutable; safe to share.
 *
 * @param path        the field's dotted JSON path in the run document
 * @param kind        {@code bool}, {@code select} (a name from the {@code from} list), {@code number}, {@code integer},
 *                    or {@code choice} (a list of items from {@code from}: the layers)
 * @param section     the part of the form it sits in: data, model, compile, fit
 * @param value       the field's rule, with the widget's label
 * @param hint        the sentence under the control, or null
 * @param placeholder what an empty field shows, or null
 * @param comparable  whether {@code compare="NAME=v1,v2"} may vary it
 */
public record Control(String name, String path, String kind, String section, Param value, String hint,
                      String placeholder, boolean comparable) {

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("path", path);
        m.put("kind", kind);
        m.put("section", section);
        value.putRange(m);
        if (hint != null) m.put("hint", hint);
        if (placeholder != null) m.put("placeholder", placeholder);
        m.put("comparable", comparable);
        return m;
    }
}
