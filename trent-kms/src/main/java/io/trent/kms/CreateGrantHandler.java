package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.authz.Grant;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CreateGrant: operations valid for the key, constraints (§9.3), principals that exist, at most 50,000 grants per
 * key. With a Name, retrying identical parameters returns the existing grant id (with a new token). What depends on
 * the key or on the principal directory is checked only for an authorized caller.
 */
final class CreateGrantHandler implements Operation {
    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        String grantee = p.string("GranteePrincipal", 1, 256, Params.PRINCIPAL_ID, true);
        String retiring = p.string("RetiringPrincipal", 1, 256, Params.PRINCIPAL_ID, false);
        List<String> requested = p.enumList("Operations", Grants.OPERATIONS, true);
        JsonNode constraints = p.body().get("Constraints");
        Map<String, String> subset = null, equals = null;
        if (constraints != null && !constraints.isNull()) {
            if (!constraints.isObject()) throw new KmsException.Serialization("Member Constraints must be an object");
            subset = Grants.constraint(constraints, "EncryptionContextSubset");
            equals = Grants.constraint(constraints, "EncryptionContextEquals");
        }
        List<String> tokens = GrantTokens.read(p);
        String name = p.string("Name", 1, 256, Params.GRANT_NAME, false);
        boolean dryRun = p.bool("DryRun");
        p.validate();
        List<String> operations = Grants.operations(requested);
        Grants.checkConstraint(subset, "EncryptionContextSubset");
        Grants.checkConstraint(equals, "EncryptionContextEquals");
        GrantTokens.check(tokens);

        LoadedKey key = kms.authorizedKey(call, keyId);
        Grants.checkPrincipal(grantee, kms.principals);
        if (retiring != null) Grants.checkPrincipal(retiring, kms.principals);
        KeyRecord k = key.record();
        Grants.checkOperationsFor(k, operations);
        Grants.checkConstraintsFor(k, operations, subset, equals);
        Kms.requireEnabled(k);
        Kms.dryRun(dryRun);

        Grant wanted = new Grant(GrantTokens.newGrantId(kms.random), name, k.arn(), grantee, retiring, operations,
                subset, equals, k.account(), kms.now());
        String grantId = kms.updateKey(k.arn(), (w, current) -> {
            Kms.requireEnabled(current);
            if (name != null)
                for (Grant g : w.grantsOf(current.arn()))
                    if (sameGrant(g, wanted)) return g.grantId();
            if (w.grantCount(current.arn()) >= Kms.MAX_GRANTS_PER_KEY)
                throw new KmsException.LimitExceeded("The KMS key " + current.arn() + " already has "
                        + Kms.MAX_GRANTS_PER_KEY + " grants, the maximum");
            w.insertGrant(wanted);
            return wanted.grantId();
        });
        return Json.object().put("GrantToken", GrantTokens.token(k.arn(), grantId, kms.random))
                .put("GrantId", grantId);
    }

    private static boolean sameGrant(Grant a, Grant b) {
        return Objects.equals(a.name(), b.name()) && a.granteePrincipal().equals(b.granteePrincipal())
                && Objects.equals(a.retiringPrincipal(), b.retiringPrincipal())
                && new HashSet<>(a.operations()).equals(new HashSet<>(b.operations()))
                && Objects.equals(a.encryptionContextSubset(), b.encryptionContextSubset())
                && Objects.equals(a.encryptionContextEquals(), b.encryptionContextEquals());
    }
}
