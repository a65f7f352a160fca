package vn.diemcau.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** House rules that the compiler cannot check. */
class ModuleRulesTest {

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void productionCode_neverImportsTheMockPlugin() throws IOException {
        List<Path> sources = mainSources();
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            assertThat(Files.readString(source)).as(source.toString()).doesNotContain("com.pi4j.plugin.mock");
        }
    }

    @Test
    void classes_stayUnderAbout300Lines() throws IOException {
        for (Path source : mainSources()) {
            assertThat(Files.readAllLines(source)).as(source.toString()).hasSizeLessThan(320);
        }
    }
}
