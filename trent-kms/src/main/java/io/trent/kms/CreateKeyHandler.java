package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import io.trent.authz.KmsKey;
import io.trent.policy.CompiledPolicy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** CreateKey: IAM-only authorization, policy validation and lockout check, material generated and sealed. */
final class CreateKeyHandler implements Operation {
    private static final Pattern XKS_KEY_ID = Pattern.compile("^[a-zA-Z0-9-_.]+$");
    private static final List<String> ORIGINS = List.of("AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE");
    private static final List<String> KEY_SPECS = names(KeySpec.values());
    private static final List<String> CUSTOMER_MASTER_KEY_SPECS = KEY_SPECS.stream()
            .filter(s -> KeySpec.valueOf(s).hasCustomerMasterKeySpec()).toList();
    private static final List<String> KEY_USAGES = names(KeyUsage.values());

    private static List<String> names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) out.add(v.name());
        return List.copyOf(out);
    }

    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String policyText = p.string("Policy", 1, 131_072, Params.POLICY, false);
        String description = p.string("Description", 0, 8192, false);
        String usageName = p.enumValue("KeyUsage", KEY_USAGES, false);
        String cmkSpec = p.enumValue("CustomerMasterKeySpec", CUSTOMER_MASTER_KEY_SPECS, false);
        String specName = p.enumValue("KeySpec", KEY_SPECS, false);
        String origin = p.enumValue("Origin", ORIGINS, false);
        String customKeyStoreId = p.string("CustomKeyStoreId", 1, 64, false);
        boolean bypassLockout = p.bool("BypassPolicyLockoutSafetyCheck");
        List<Tags.Tag> tagList = Tags.read(p, false);
        boolean multiRegion = p.bool("MultiRegion");
        String xksKeyId = p.string("XksKeyId", 1, 128, XKS_KEY_ID, false);
        p.validate();
        Map<String, String> tags = Tags.check(tagList);

        if (specName != null && cmkSpec != null && !specName.equals(cmkSpec))
            throw new KmsException.Validation("KeySpec and CustomerMasterKeySpec name the same setting; "
                    + "specify only one of them (KeySpec is preferred)");
        KeySpec spec = KeySpec.valueOf(specName != null ? specName : cmkSpec != null ? cmkSpec : "SYMMETRIC_DEFAULT");
        if (usageName == null && spec != KeySpec.SYMMETRIC_DEFAULT)
            throw new KmsException.Validation(
                    "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
        KeyUsage usage = usageName == null ? KeyUsage.ENCRYPT_DECRYPT : KeyUsage.valueOf(usageName);
        if (origin == null) origin = "AWS_KMS";
        checkCombination(call, spec, usage, origin, customKeyStoreId, xksKeyId);

        kms.authorize(call, null, null);

        Scope scope = call.scope();
        if (scope.account() == null)
            throw new KmsException.Validation("A key can only be created for a caller that belongs to an account");
        String keyId = multiRegion ? "mrk-" + HexFormat.of().formatHex(randomBytes(kms, 16))
                : UUID.randomUUID().toString();
        String arn = scope.keyArn(keyId);
        String policy;
        if (policyText == null) {
            policy = io.trent.authz.KeyPolicies.defaultPolicy(scope.partition(), scope.account());
        } else {
            CompiledPolicy compiled = CompiledPolicy.compile(PolicyValidation.validate(policyText, kms.principals));
            if (!bypassLockout) {
                KmsKey planned = new KmsKey(arn, keyId, scope.account(), scope.region(), compiled, spec.name(),
                        usage.name(), origin, multiRegion, multiRegion ? "PRIMARY" : null, tags, List.of(), List.of());
                kms.lockoutCheck(call, planned, compiled);
            }
            policy = policyText;
        }

        boolean external = origin.equals("EXTERNAL");
        KeyGeneration.Generated generated = external ? null : KeyGeneration.generate(spec, kms.random);
        KeyRecord key = new KeyRecord(arn, keyId, scope.account(), scope.region(), kms.now(),
                description == null ? "" : description, spec, usage, origin, multiRegion,
                external ? KeyState.PENDING_IMPORT : KeyState.ENABLED, null, null, policy, 1,
                generated == null ? null : generated.publicKey());
        KeyMaterial material = null;
        if (generated != null) {
            material = new KeyMaterial(1, kms.rootKey.wrap(generated.material(), arn));
            generated.material().destroy();
        }
        KeyMaterial sealed = material;
        kms.write(w -> {
            w.insertKey(key, sealed, tags);
            return null;
        });
        return Json.object().set("KeyMetadata", KeyMetadata.of(key,
                sealed != null && spec.isSymmetricEncryption() ? KeyMaterial.id(arn, sealed.version()) : null));
    }

    private static byte[] randomBytes(Kms kms, int n) {
        byte[] b = new byte[n];
        kms.random.nextBytes(b);
        return b;
    }

    private static void checkCombination(Call call, KeySpec spec, KeyUsage usage, String origin,
                                         String customKeyStoreId, String xksKeyId) {
        if (spec.family() == KeySpec.Family.ML_DSA)
            throw new KmsException.Validation("KeySpec " + spec + " is not supported by this server: ML-DSA key "
                    + "generation and signing need a JDK with ML-DSA (Java 24 or later); this server runs on Java 17");
        if (!spec.allows(usage))
            throw new KmsException.Validation("KeyUsage " + usage + " is not compatible with KeySpec " + spec
                    + "; valid key usages for " + spec + ": " + validUsages(spec));
        KeyGeneration.checkAvailable(spec, call.scope());
        if (origin.equals("AWS_CLOUDHSM") || origin.equals("EXTERNAL_KEY_STORE")) {
            if (customKeyStoreId == null)
                throw new KmsException.Validation("Origin " + origin + " requires a CustomKeyStoreId");
        }
        if (customKeyStoreId != null)
            throw new KmsException.CustomKeyStoreNotFound("Custom key store " + customKeyStoreId
                    + " does not exist (this server has no custom key stores)");
        if (xksKeyId != null)
            throw new KmsException.Validation("XksKeyId is only valid with Origin EXTERNAL_KEY_STORE");
    }

    private static List<KeyUsage> validUsages(KeySpec spec) {
        List<KeyUsage> out = new ArrayList<>();
        for (KeyUsage u : KeyUsage.values()) if (spec.allows(u)) out.add(u);
        return out;
    }
}
