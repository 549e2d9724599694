package io.trent.analyzer.lint;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shared example under ../shared/lint-examples: the set of codes reported must equal expect.codes. Examples
 * whose expected codes include semantic checks pass only once {@link SemanticChecks} is implemented.
 */
class LintExamplesTest {
    static Path examplesDir() {
        return Path.of(System.getProperty("trent.repo.root", ".")).resolve("../shared/lint-examples").normalize();
    }

    @TestFactory
    List<DynamicTest> sharedExamples() throws IOException {
        List<Path> files = LintExample.files(examplesDir());
        assertThat(files).as("example files in %s", examplesDir()).hasSizeGreaterThanOrEqualTo(15);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), f.toUri(), () -> {
            LintExample example = LintExample.read(f);
            LintExample.Result r = example.run();
            assertThat(r.actual()).as("codes for %s", f.getFileName()).isEqualTo(example.expected());
        })).toList();
    }
}
