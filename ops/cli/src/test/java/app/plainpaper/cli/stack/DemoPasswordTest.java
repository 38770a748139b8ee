package app.plainpaper.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPasswordTest {

    @TempDir
    Path home;

    @Test
    void generatesOnceKeepsItOwnerOnlyAndReusesIt() throws Exception {
        String first = DemoPassword.resolve(Map.of(), home);
        Path file = home.resolve("demo-password");

        assertThat(first).hasSize(16).matches("[A-Za-z0-9]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(DemoPassword.resolve(Map.of(), home)).isEqualTo(first);
        assertThat(DemoPassword.resolve(Map.of(), Files.createDirectory(home.resolve("other")))).isNotEqualTo(first);
    }

    @Test
    void theEnvironmentWinsAndNothingIsWritten() {
        assertThat(DemoPassword.resolve(Map.of(DemoPassword.VARIABLE, "chosen-one"), home)).isEqualTo("chosen-one");
        assertThat(home.resolve("demo-password")).doesNotExist();
    }
}
