package app.plainpaper.checks.policy;

import app.plainpaper.checks.Severity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and validates a policy file (JSON). All problems are collected and reported together,
 * each naming the rule and field, so an editor can fix the file in one go.
 */
public final class PolicyLoader {

    /** The policy shipped with this library. */
    public static final String DEFAULT_RESOURCE = "/app/plainpaper/checks/policy-v4.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyLoader() {
    }

    public static Policy loadDefault() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new PolicyException("policy resource " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new PolicyException("cannot read " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static Policy load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new PolicyException("cannot read policy file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses policy JSON; {@code origin} names the file in error messages. */
    public static Policy parse(String json, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyException(origin + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        List<String> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new PolicyException(origin + ": the policy must be a JSON object");
        }
        String version = textOrNull(root.get("version"));
        if (version == null || version.isBlank()) {
            errors.add("'version' is missing or empty");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        JsonNode s = root.get("settings");
        if (s != null) {
            if (!s.isObject()) {
                errors.add("'settings' must be an object");
            } else {
                readParams(s, settings);
            }
        }
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        JsonNode sy = root.get("synonyms");
        if (sy != null) {
            if (!sy.isObject()) {
                errors.add("'synonyms' must be an object of word: [variants]");
            } else {
                Iterator<Map.Entry<String, JsonNode>> it = sy.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<String> variants = new ArrayList<>();
                    if (!e.getValue().isArray()) {
                        errors.add("synonyms '" + e.getKey() + "' must be an array of words");
                        continue;
                    }
                    e.getValue().forEach(v -> variants.add(v.asText()));
                    synonyms.put(e.getKey(), List.copyOf(variants));
                }
            }
        }
        Map<String, RulePolicy> rules = new LinkedHashMap<>();
        JsonNode rs = root.get("rules");
        if (rs == null || !rs.isArray() || rs.isEmpty()) {
            errors.add("'rules' must be a non-empty array");
        } else {
            for (int i = 0; i < rs.size(); i++) {
                RulePolicy r = readRule(rs.get(i), i, errors);
                if (r != null) {
                    if (rules.containsKey(r.id())) {
                        errors.add("rule '" + r.id() + "' is defined twice");
                    }
                    rules.put(r.id(), r);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new PolicyException(origin + " is invalid:\n - " + String.join("\n - ", errors));
        }
        return new Policy(version, Map.copyOf(settings), Map.copyOf(synonyms), java.util.Collections.unmodifiableMap(rules));
    }

    private static RulePolicy readRule(JsonNode n, int index, List<String> errors) {
        if (n == null || !n.isObject()) {
            errors.add("rules[" + index + "] must be an object");
            return null;
        }
        String id = textOrNull(n.get("id"));
        String where = id == null ? "rules[" + index + "]" : "rule '" + id + "'";
        int before = errors.size();
        if (id == null || !id.matches("[a-z]+(\\.[a-z][a-z0-9-]*)+")) {
            errors.add(where + ": 'id' must look like 'area.name' (lower case, dot-separated), got " + n.get("id"));
        }
        Severity severity = null;
        String sev = textOrNull(n.get("severity"));
        if (sev == null) {
            errors.add(where + ": 'severity' is missing (BLOCKER, WARNING or INFO)");
        } else {
            try {
                severity = Severity.valueOf(sev.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(where + ": 'severity' must be BLOCKER, WARNING or INFO, got '" + sev + "'");
            }
        }
        String description = textOrNull(n.get("description"));
        if (description == null || description.isBlank()) {
            errors.add(where + ": 'description' is missing");
        }
        String message = textOrNull(n.get("message"));
        if (message == null || message.isBlank()) {
            errors.add(where + ": 'message' is missing");
        }
        boolean enabled = !n.has("enabled") || n.get("enabled").asBoolean(true);
        Map<String, WordList> lists = new LinkedHashMap<>();
        JsonNode ls = n.get("lists");
        if (ls != null) {
            if (!ls.isObject()) {
                errors.add(where + ": 'lists' must be an object of named word lists");
            } else {
                Iterator<Map.Entry<String, JsonNode>> it = ls.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<String> words = new ArrayList<>();
                    if (!e.getValue().isArray()) {
                        errors.add(where + ": list '" + e.getKey() + "' must be an array of strings");
                        continue;
                    }
                    for (JsonNode w : e.getValue()) {
                        if (!w.isTextual() || w.asText().isBlank()) {
                            errors.add(where + ": list '" + e.getKey() + "' has an empty or non-text entry: " + w);
                        } else {
                            words.add(w.asText());
                        }
                    }
                    lists.put(e.getKey(), new WordList(words));
                }
            }
        }
        List<Pattern> patterns = new ArrayList<>();
        JsonNode ps = n.get("patterns");
        if (ps != null) {
            if (!ps.isArray()) {
                errors.add(where + ": 'patterns' must be an array of regular expressions");
            } else {
                for (int i = 0; i < ps.size(); i++) {
                    String p = textOrNull(ps.get(i));
                    if (p == null || p.isBlank()) {
                        errors.add(where + ": patterns[" + i + "] is empty");
                        continue;
                    }
                    try {
                        patterns.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE));
                    } catch (PatternSyntaxException e) {
                        errors.add(where + ": patterns[" + i + "] is not a valid regular expression: "
                                + e.getDescription() + " near index " + e.getIndex() + " in " + p);
                    }
                }
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        JsonNode pm = n.get("params");
        if (pm != null) {
            if (!pm.isObject()) {
                errors.add(where + ": 'params' must be an object");
            } else {
                readParams(pm, params);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new RulePolicy(id, severity, enabled, description, message, Map.copyOf(lists), List.copyOf(patterns),
                Map.copyOf(params));
    }

    private static void readParams(JsonNode node, Map<String, Object> into) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                into.put(e.getKey(), v.numberValue());
            } else if (v.isBoolean()) {
                into.put(e.getKey(), v.booleanValue());
            } else if (!v.isNull()) {
                into.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
            }
        }
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
