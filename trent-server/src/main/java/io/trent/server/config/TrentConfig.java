package io.trent.server.config;

import io.trent.authz.NamedPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a trent.yaml says. Settings the file leaves out are null; the server command fills them from its flags and
 * defaults. Every policy is already parsed, validated and compiled.
 *
 * @param databaseFile the SQLite file ({@code storage.path}), or null
 * @param rootKeyFile  the root key file ({@code rootKey.path}), or null
 * @param tls          HTTPS ({@code server.tls}), or null for plain HTTP
 */
public record TrentConfig(String host, Integer port, Path databaseFile, Path rootKeyFile, Tls tls,
                          List<Account> accounts, List<Service> services) {
    public TrentConfig {
        accounts = List.copyOf(accounts);
        services = List.copyOf(services);
    }

    /** No file: no identities, every setting from flags and defaults. */
    public static final TrentConfig EMPTY = new TrentConfig(null, null, null, null, null, List.of(), List.of());

    /**
     * The server's TLS identity.
     *
     * @param certificateChain PEM certificates, the server's own first
     * @param privateKey       its unencrypted PKCS#8 PEM private key
     */
    public record Tls(Path certificateChain, Path privateKey) {}

    /** An access key pair. The secret never appears in {@link #toString()}. */
    public record AccessKey(String id, String secret) {
        @Override
        public String toString() {
            return "AccessKey[" + id + ", secret redacted]";
        }
    }

    /**
     * One configured AWS account. Its root user may have access keys of its own.
     *
     * @param serviceControlPolicies SCPs applied to every IAM caller of the account (empty: no SCP gate)
     */
    public record Account(String id, List<NamedPolicy> serviceControlPolicies, List<AccessKey> rootAccessKeys,
                          List<User> users, List<Role> roles) {
        public Account {
            serviceControlPolicies = List.copyOf(serviceControlPolicies);
            rootAccessKeys = List.copyOf(rootAccessKeys);
            users = List.copyOf(users);
            roles = List.copyOf(roles);
        }

        public String rootArn() {
            return "arn:aws:iam::" + id + ":root";
        }
    }

    /** The IAM side of a configured user or role. */
    public sealed interface Principal permits User, Role {
        List<NamedPolicy> policies();

        /** null: no boundary */
        NamedPolicy permissionsBoundary();

        Map<String, String> tags();
    }

    /** An IAM user; {@code path} is "/" or "/a/b/". */
    public record User(String path, String name, List<AccessKey> accessKeys, List<NamedPolicy> policies,
                       NamedPolicy permissionsBoundary, Map<String, String> tags) implements Principal {
        public User {
            accessKeys = List.copyOf(accessKeys);
            policies = List.copyOf(policies);
            tags = Map.copyOf(tags);
        }

        /** The part of the ARN after "user/": path without its leading slash, then the name. */
        public String pathAndName() {
            return path.substring(1) + name;
        }
    }

    /** An IAM role whose access keys act as the session {@code assumed-role/<name>/<sessionName>}. */
    public record Role(String path, String name, String sessionName, List<AccessKey> accessKeys,
                       List<NamedPolicy> policies, NamedPolicy permissionsBoundary, Map<String, String> tags)
            implements Principal {
        public Role {
            accessKeys = List.copyOf(accessKeys);
            policies = List.copyOf(policies);
            tags = Map.copyOf(tags);
        }
    }

    /**
     * An AWS service principal such as {@code cloudtrail.amazonaws.com}.
     *
     * @param actsOnBehalfOfCallers the service may make forward-access calls for the principal it names in the
     *                              signed X-Trent-Caller header
     */
    public record Service(String name, List<AccessKey> accessKeys, boolean actsOnBehalfOfCallers) {
        public Service {
            accessKeys = List.copyOf(accessKeys);
        }
    }
}
