package io.trent.server.identity;

import io.trent.policy.Caller;
import io.trent.server.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityDirectoryTest {
    private final IdentityDirectory d = new IdentityDirectory(ConfigLoader.parse("""
            accounts:
              - id: "111122223333"
                serviceControlPolicies:
                  - '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'
                users:
                  - name: alice
                    tags: { team: red }
                    policies:
                      - '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}'
                  - name: bob
                    path: /ops/
                roles:
                  - name: LocationTeam
                    permissionsBoundary: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:CreateGrant","Resource":"*"}]}'
                    tags: { project: geo }
                  - name: Deep
                    path: /a/b/
            """, "trent.yaml", Path.of(".")));

    @Test
    void principalsOfConfiguredAccountsExistOnlyWhenConfigured() {
        assertThat(d.exists("arn:aws:iam::111122223333:root")).isTrue();
        assertThat(d.exists("arn:aws:iam::111122223333:user/alice")).isTrue();
        assertThat(d.exists("arn:aws:iam::111122223333:user/ops/bob")).isTrue();
        assertThat(d.exists("arn:aws:iam::111122223333:user/bob")).isFalse();
        assertThat(d.exists("arn:aws:iam::111122223333:user/carol")).isFalse();
        assertThat(d.exists("arn:aws:iam::111122223333:role/LocationTeam")).isTrue();
        assertThat(d.exists("arn:aws:iam::111122223333:role/a/b/Deep")).isTrue();
        assertThat(d.exists("arn:aws:iam::111122223333:role/Deep")).isFalse();
        assertThat(d.exists("arn:aws:iam::111122223333:role/Ghost")).isFalse();
        assertThat(d.exists("arn:aws:sts::111122223333:assumed-role/LocationTeam/any-session")).isTrue();
        assertThat(d.exists("arn:aws:sts::111122223333:assumed-role/Ghost/s")).isFalse();
        assertThat(d.exists("not an arn")).isFalse();
    }

    @Test
    void unconfiguredAccountsAcceptAnyPrincipal() {
        assertThat(d.exists("arn:aws:iam::999988887777:user/anyone")).isTrue();
        assertThat(d.exists("arn:aws:iam::999988887777:role/path/AnyRole")).isTrue();
        assertThat(d.knows(Caller.parseIam("arn:aws:sts::999988887777:assumed-role/R/s"))).isTrue();
    }

    @Test
    void servesTheIamSideOfEachCaller() {
        Caller.Iam alice = Caller.parseIam("arn:aws:iam::111122223333:user/alice");
        Caller.Iam session = Caller.parseIam("arn:aws:sts::111122223333:assumed-role/LocationTeam/s1");
        Caller.Iam root = Caller.parseIam("arn:aws:iam::111122223333:root");
        assertThat(d.identityPolicies(alice)).hasSize(1);
        assertThat(d.principalTags(alice)).containsExactlyEntriesOf(java.util.Map.of("team", "red"));
        assertThat(d.permissionsBoundary(alice)).isNull();
        assertThat(d.identityPolicies(session)).isEmpty();
        assertThat(d.permissionsBoundary(session).name())
                .isEqualTo("permissions boundary arn:aws:iam::111122223333:role/LocationTeam");
        assertThat(d.principalTags(session)).containsEntry("project", "geo");
        assertThat(d.identityPolicies(root)).isEmpty();
        assertThat(d.serviceControlPolicies("111122223333")).hasSize(1);
        assertThat(d.serviceControlPolicies("999988887777")).isEmpty();
    }
}
