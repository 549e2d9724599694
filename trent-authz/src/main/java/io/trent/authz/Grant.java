package io.trent.authz;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A grant on a key (section 9 of the reference). Constraint maps are null when absent.
 */
public record Grant(String grantId, String name, String keyArn, String granteePrincipal, String retiringPrincipal,
                    List<String> operations, Map<String, String> encryptionContextSubset,
                    Map<String, String> encryptionContextEquals, String issuingAccount, Instant creationDate) {
    public Grant {
        operations = List.copyOf(operations);
        encryptionContextSubset = encryptionContextSubset == null ? null : Map.copyOf(encryptionContextSubset);
        encryptionContextEquals = encryptionContextEquals == null ? null : Map.copyOf(encryptionContextEquals);
    }
}
