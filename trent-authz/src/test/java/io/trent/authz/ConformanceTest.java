package io.trent.authz;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shared conformance case must produce its expected decision. */
class ConformanceTest {
    static Path casesDir() {
        String root = System.getProperty("trent.repo.root");
        Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path cases = p.resolveSibling("shared").resolve("conformance").resolve("cases");
            if (Files.isDirectory(cases)) return cases;
            Path inside = p.resolve("shared").resolve("conformance").resolve("cases");
            if (Files.isDirectory(inside)) return inside;
        }
        throw new IllegalStateException("shared/conformance/cases not found from " + start);
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(casesDir())) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Conformance.Result r = Conformance.runCase(f);
            assertThat(r.passed()).as(r.summary()).isTrue();
        }));
    }

    @Test
    void runnerCountsEveryFile() throws IOException {
        List<Conformance.Result> results = Conformance.run(casesDir());
        long files;
        try (Stream<Path> s = Files.list(casesDir())) {
            files = s.filter(p -> p.toString().endsWith(".json")).count();
        }
        assertThat(results).hasSize((int) files);
        assertThat(Conformance.tally(results)).isEqualTo(files + " passed, 0 failed");
    }
}
