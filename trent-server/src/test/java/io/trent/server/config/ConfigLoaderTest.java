package io.trent.server.config;

import io.trent.policy.Caller;
import io.trent.server.identity.IdentityDirectory;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    private static final Path BASE = Path.of("/etc/trent");

    private static final String EXAMPLE = """
            server: { host: 0.0.0.0, port: 9000, tls: { cert: tls/cert.pem, key: /secure/key.pem } }
            storage: { type: sqlite, path: ./data/trent.db }
            rootKey: { type: file, path: /secure/root.key }
            accounts:
              - id: "111122223333"
                serviceControlPolicies:
                  - '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'
                rootAccessKeys: [ { id: ROOTKEY1, secret: root-secret } ]
                users:
                  - name: alice
                    path: /eng/
                    accessKeys: [ { id: AKIAALICE1, secret: alice-secret } ]
                    policies:
                      - Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Action: "kms:*"
                            Resource: "*"
                    permissionsBoundary:
                      Version: "2012-10-17"
                      Statement: [ { Effect: Allow, Action: "kms:Encrypt", Resource: "*" } ]
                    tags: { team: red, level: 3 }
                roles:
                  - name: LocationTeam
                    accessKeys: [ { id: AKIALOCATION1, secret: location-secret } ]
            services:
              - name: cloudtrail.amazonaws.com
                accessKeys: [ { id: AKIACLOUDTRAIL1, secret: cloudtrail-secret } ]
              - name: geo.us-west-2.amazonaws.com
                accessKeys: [ { id: AKIAGEO1, secret: geo-secret } ]
                actsOnBehalfOfCallers: true
            """;

    @Test
    void readsEverySection() {
        TrentConfig c = ConfigLoader.parse(EXAMPLE, "trent.yaml", BASE);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.databaseFile()).isEqualTo(Path.of("/etc/trent/data/trent.db"));
        assertThat(c.rootKeyFile()).isEqualTo(Path.of("/secure/root.key"));
        assertThat(c.tls())
                .isEqualTo(new TrentConfig.Tls(Path.of("/etc/trent/tls/cert.pem"), Path.of("/secure/key.pem")));
        TrentConfig.Account a = c.accounts().get(0);
        assertThat(a.id()).isEqualTo("111122223333");
        assertThat(a.serviceControlPolicies()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("service control policy 111122223333[0]"));
        TrentConfig.User alice = a.users().get(0);
        assertThat(alice.pathAndName()).isEqualTo("eng/alice");
        assertThat(alice.policies()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("identity policy arn:aws:iam::111122223333:user/eng/alice[0]");
            assertThat(p.policy().policy().statements()).hasSize(1);
        });
        assertThat(alice.permissionsBoundary().name())
                .isEqualTo("permissions boundary arn:aws:iam::111122223333:user/eng/alice");
        assertThat(alice.tags()).containsEntry("team", "red").containsEntry("level", "3");
        assertThat(a.roles().get(0).sessionName()).isEqualTo("trent");
        assertThat(c.services()).extracting(TrentConfig.Service::actsOnBehalfOfCallers).containsExactly(false, true);
        assertThat(alice.accessKeys().get(0).toString()).doesNotContain("alice-secret");

        IdentityDirectory d = new IdentityDirectory(c);
        assertThat(d.credential("AKIAALICE1").caller().arn()).isEqualTo("arn:aws:iam::111122223333:user/eng/alice");
        assertThat(d.credential("ROOTKEY1").caller().arn()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(d.credential("AKIALOCATION1").caller().arn())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/LocationTeam/trent");
        assertThat(d.credential("AKIAGEO1").caller()).isEqualTo(new Caller.Service("geo.us-west-2.amazonaws.com"));
        assertThat(d.credential("AKIAGEO1").actsOnBehalfOfCallers()).isTrue();
        assertThat(d.credential("AKIAGEO1").toString()).doesNotContain("geo-secret");
        assertThat(d.credential("nope")).isNull();
    }

    private static void fails(String yaml, String message) {
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "trent.yaml", BASE))
                .isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void namesTheLineAndFieldOfEachMistake() {
        fails("""
                server:
                  host: 127.0.0.1
                  prot: 8090
                """, "trent.yaml line 3: server.prot: unknown field (allowed here: host, port, tls)");
        fails("""
                server:
                  tls: { cert: cert.pem }
                """, "trent.yaml line 2: server.tls: missing required field 'key'");
        fails("""
                accounts:
                  - id: 111122223333
                """, "trent.yaml line 2: accounts[0].id: must be a quoted string: expected a quoted 12-digit "
                + "account id such as \"111122223333\"");
        fails("""
                server: { port: 70000 }
                """, "trent.yaml line 1: server.port: must be a whole number from 0 to 65535");
        fails("""
                storage: { type: postgres }
                """, "trent.yaml line 1: storage.type: 'postgres' is not supported (only sqlite)");
        fails("""
                services:
                  - name: cloudtrail.amazonaws.com
                    accessKeys: [ { id: K1, secret: a } ]
                  - name: geo.amazonaws.com
                    accessKeys:
                      - id: K1
                        secret: b
                """, "trent.yaml line 6: services[1].accessKeys[0].id: access key K1 is configured twice");
        fails("""
                accounts:
                  - id: "111122223333"
                    users:
                      - name: bob
                        accessKeys: [ { id: K2 } ]
                """, "trent.yaml line 5: accounts[0].users[0].accessKeys[0]: missing required field 'secret'");
    }

    @Test
    void validatesPoliciesWithThePolicyParser() {
        assertThatThrownBy(() -> ConfigLoader.parse("""
                accounts:
                  - id: "111122223333"
                    users:
                      - name: bob
                        policies:
                          - Version: "2012-10-17"
                            Statement: [ { Effect: Maybe, Action: "kms:*", Resource: "*" } ]
                """, "trent.yaml", BASE))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("trent.yaml line 6: accounts[0].users[0].policies[0]: invalid policy: "
                        + "$.Statement[0].Effect");
        assertThatThrownBy(() -> ConfigLoader.parse("""
                accounts:
                  - id: "111122223333"
                    serviceControlPolicies: [ '{"Version": "2012-10-17", "Statement": ' ]
                """, "trent.yaml", BASE))
                .hasMessageStartingWith("trent.yaml line 3: accounts[0].serviceControlPolicies[0]: invalid policy:");
    }

    @Test
    void reportsYamlSyntaxAndDuplicateKeysWithTheirLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("server:\n  host: [unclosed\n", "trent.yaml", BASE))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("trent.yaml line ");
        assertThatThrownBy(() -> ConfigLoader.parse("server:\n  host: a\n  host: b\n", "trent.yaml", BASE))
                .hasMessageStartingWith("trent.yaml line 3: ").hasMessageContaining("host");
    }

    @Test
    void anEmptyFileIsAnEmptyConfiguration() {
        TrentConfig c = ConfigLoader.parse("", "trent.yaml", BASE);
        assertThat(c.accounts()).isEmpty();
        assertThat(c.port()).isNull();
        assertThat(c.tls()).isNull();
    }
}
