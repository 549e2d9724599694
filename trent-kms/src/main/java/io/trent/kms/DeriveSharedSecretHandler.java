package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

import javax.crypto.KeyAgreement;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;

/**
 * DeriveSharedSecret: ECDH between the private key of a KEY_AGREEMENT key and a peer's public key on the same
 * curve (DER SubjectPublicKeyInfo); the shared secret is the x-coordinate of the product, as the JDK's "ECDH" key
 * agreement returns it. KEY_AGREEMENT keys are on the NIST curves (and SM2, which Java 17 cannot use); AWS offers
 * no secp256k1 key agreement. A dry run derives too (so a bad public key fails it) and discards the secret.
 */
final class DeriveSharedSecretHandler implements Operation {
    private static final List<String> ALGORITHMS = List.of("ECDH");

    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        String algorithm = p.enumValue("KeyAgreementAlgorithm", ALGORITHMS, true);
        byte[] publicKey = p.blob("PublicKey", 1, 8192, true);
        List<String> tokens = GrantTokens.read(p);
        boolean dryRun = p.bool("DryRun");
        p.validate();
        GrantTokens.check(tokens);
        SymmetricCrypto.noRecipient(p);
        LoadedKey key = kms.authorizedKey(call, keyId);
        KeyRecord k = key.record();
        Kms.requireEnabled(k);
        Kms.requireUsage(k, KeyUsage.KEY_AGREEMENT, null, call.operation());
        byte[] secret = derive(key, peer(key, publicKey));
        try {
            Kms.dryRun(dryRun);
            return Json.object().put("KeyId", key.arn()).put("SharedSecret", Json.blob(secret))
                    .put("KeyAgreementAlgorithm", algorithm).put("KeyOrigin", k.origin());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static ECPublicKey peer(LoadedKey key, byte[] der) {
        KeyRecord k = key.record();
        if (!(key.publicKey() instanceof ECPublicKey ours) || !(key.secretKey() instanceof ECPrivateKey))
            throw new KmsException.UnsupportedOperation("Key agreement with " + k.keySpec()
                    + " keys is not supported by this server");
        PublicKey theirs;
        try {
            theirs = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw invalidPeer(k);
        }
        if (!(theirs instanceof ECPublicKey ec) || !sameCurve(ours.getParams(), ec.getParams())) throw invalidPeer(k);
        return ec;
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve()) && a.getGenerator().equals(b.getGenerator())
                && a.getOrder().equals(b.getOrder());
    }

    private static byte[] derive(LoadedKey key, ECPublicKey peer) {
        try {
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(key.secretKey());
            ecdh.doPhase(peer, true);
            return ecdh.generateSecret();
        } catch (java.security.InvalidKeyException e) {
            throw invalidPeer(key.record());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDH failed", e);
        }
    }

    private static KmsException.Validation invalidPeer(KeyRecord k) {
        return new KmsException.Validation("PublicKey must be a DER-encoded SubjectPublicKeyInfo of a valid "
                + k.keySpec() + " public key");
    }
}
