package app.plainpaper.drafting;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The team's shared dev data, read by path (it is not in the repository: users' clones lack it), and papers
 * copied into test resources.
 */
public final class DevData {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** shared/ beside the repository, or where PLAINPAPER_SHARED points. */
    public static Optional<Path> sharedDir() {
        String configured = System.getenv("PLAINPAPER_SHARED");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("../../../shared"));
        candidates.add(Path.of("../../shared"));
        return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("data/abstracts-dev.jsonl")))
                .findFirst();
    }

    public static final String ABSENT = "shared/data/abstracts-dev.jsonl not found beside the repository "
            + "(set PLAINPAPER_SHARED to the shared folder to run this check)";

    /** The 40 dev abstracts, in file order. */
    public static List<SourcePaper> devAbstracts(Path shared) {
        try {
            List<SourcePaper> papers = new ArrayList<>();
            for (String line : Files.readAllLines(shared.resolve("data/abstracts-dev.jsonl"), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    papers.add(paper(JSON.readTree(line)));
                }
            }
            return papers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paper from a JSON object with the dev-data fields ({@code abstract_text} when it has no sections). */
    public static SourcePaper paper(JsonNode r) {
        List<SourceSection> sections = new ArrayList<>();
        JsonNode given = r.path("sections");
        if (given.isArray() && !given.isEmpty()) {
            for (JsonNode s : given) {
                sections.add(new SourceSection(s.path("label").isNull() ? null : s.path("label").asString(),
                        s.path("text").asString()));
            }
        } else {
            sections.add(new SourceSection(null, r.path("abstract_text").asString()));
        }
        Integer year = r.path("year").isNumber() ? r.path("year").asInt() : null;
        return new SourcePaper(r.path("id").asString(r.path("pmid").asString("")), r.path("title").asString(),
                r.path("journal").isNull() ? null : r.path("journal").asString(null), year, sections,
                strings(r.path("keywords")), strings(r.path("mesh_terms")), strings(r.path("publication_types")));
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asString()));
        }
        return out;
    }

    /** A paper stored as JSON in test resources. */
    public static SourcePaper resourcePaper(String name) {
        try (InputStream in = DevData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return paper(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
