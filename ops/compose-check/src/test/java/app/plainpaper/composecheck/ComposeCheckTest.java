package app.plainpaper.composecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docker-compose.yml checked without Docker; broken copies of it must fail with the right problem. */
class ComposeCheckTest {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final Path COMPOSE = REPO.resolve("docker-compose.yml");
    private static ComposeCheck check;

    @TempDir
    Path copies;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream schema = ComposeCheckTest.class.getResourceAsStream("/compose-spec.json")) {
            check = new ComposeCheck(schema, REPO);
        }
    }

    @Test
    void theRepositoryComposeFileIsValidAndAgreesWithTheRepository() throws IOException {
        assertThat(check.check(COMPOSE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong type per the schema       | retries: 24                                 | retries: [24]                                 | schema: /services/kafka/healthcheck/retries
            unknown key per the schema      | restart: "no"                               | restarts: "no"                                | schema: /services/topics: property 'restarts' is not defined
            Dockerfile missing              | dockerfile: ops/docker/Dockerfile           | dockerfile: ops/docker/Dockerfil              | service topics: Dockerfile ops/docker/Dockerfil does not exist in .
            build context missing           | context: .                                  | context: ./nowhere                            | service topics: build context ./nowhere does not exist
            port not that of ops/stack      | "8092:8092"                                 | "8099:8092"                                   | service drafting maps 8099:8092; ops/stack says 8092
            server.port not that of stack   | "--server.port=8093"                        | "--server.port=8193"                          | service accuracy-review runs with --server.port=8193; ops/stack says 8093
            health check on another port    | http://localhost:8090/actuator/health       | http://localhost:8091/actuator/health         | service editorial-desk health check asks port 8091; ops/stack says 8090
            module not that of ops/stack    | MODULE: services/drafting                   | MODULE: services/drafter                      | service drafting builds services/drafter; ops/stack says services/drafting
            job module no Maven module      | MODULE: ops/cli                             | MODULE: ops/client                            | service topics builds ops/client, which is no Maven module
            ops/stack service missing       | '  ingestion:\n'                            | '  ingest:\n'                                 | service ingestion of ops/stack is missing
            topic not in ops/topics         | KAFKASTORE_TOPIC: _schemas                  | KAFKASTORE_TOPIC: summary.publishd            | topic summary.publishd is named but not declared in ops/topics
            bind-mounted file missing       | ./ops/nginx/default.conf                    | ./ops/nginx/site.conf                         | service site mounts ./ops/nginx/site.conf, which does not exist
            """)
    void aBrokenCopyFails(String what, String find, String replace, String expectedProblem) throws IOException {
        String original = Files.readString(COMPOSE);
        String findText = find.replace("\\n", "\n");
        assertThat(original).as("the copy to break must contain %s", find).contains(findText);
        Path broken = copies.resolve("docker-compose.yml");
        Files.writeString(broken, original.replaceFirst(java.util.regex.Pattern.quote(findText),
                java.util.regex.Matcher.quoteReplacement(replace.replace("\\n", "\n"))));

        List<String> problems = check.check(broken);

        assertThat(problems).as(what).anySatisfy(p -> assertThat(p).startsWith(expectedProblem));
    }
}
