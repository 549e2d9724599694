package io.trent.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {
    private static final String CLOUDTRAIL_POLICY = """
            {"Version": "2012-10-17", "Statement": [{
              "Sid": "Allow CloudTrail to encrypt logs", "Effect": "Allow",
              "Principal": {"Service": "cloudtrail.amazonaws.com"},
              "Action": "kms:GenerateDataKey", "Resource": "*",
              "Condition": {
                "ArnEquals": {"aws:SourceArn": ["arn:aws:cloudtrail:us-west-2:111122223333:trail/finance"]},
                "StringLike": {"kms:EncryptionContext:aws:cloudtrail:arn": ["arn:aws:cloudtrail:*:111122223333:trail/*"]}
              }}]}
            """;

    /** Three independent problems in two statements: every one must be reported, each at its path. */
    private static final String BROKEN_POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Alow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
              {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Ops"}, "Action": "kms:Decrypt",
               "Resource": "*", "Condition": {"NumericLessThan": {"kms:RotationPeriodInDays": "ninety"},
                                              "StringEqualz": {"kms:CallerAccount": "111122223333"}}}]}
            """;

    @TempDir
    Path dir;

    @Test
    void validKeyPolicyPrintsValidAndExitsZero() throws IOException {
        Cli.Run run = Cli.run("validate", write("ok.json", CLOUDTRAIL_POLICY));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("valid" + System.lineSeparator());
    }

    @Test
    void everyProblemIsPrintedWithItsPathAndWhatWasExpected() throws IOException {
        Cli.Run run = Cli.run("validate", write("bad.json", BROKEN_POLICY));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().filter(l -> l.startsWith("$")))
                .anySatisfy(l -> assertThat(l).startsWith("$.Statement[0].Effect: ").contains("Alow"))
                .anySatisfy(l -> assertThat(l)
                        .startsWith("$.Statement[1].Condition.NumericLessThan.kms:RotationPeriodInDays").contains("ninety"))
                .anySatisfy(l -> assertThat(l).startsWith("$.Statement[1].Condition.StringEqualz").contains("StringEqualz"));
        assertThat(run.out()).contains("expected: ");
        assertThat(run.out().lines().reduce((a, b) -> b)).hasValue("3 problems");
    }

    @Test
    void typeIdentityChecksTheIdentityPolicyGrammar() throws IOException {
        String policy = write("policy.json", CLOUDTRAIL_POLICY);

        Cli.Run run = Cli.run("validate", policy, "--type", "identity");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("$.Statement[0].Principal: ");
    }

    @Test
    void unreadableFileIsAnErrorNotAVerdict() {
        Cli.Run run = Cli.run("validate", dir.resolve("missing.json").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("missing.json").contains("no such file");
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }
}
