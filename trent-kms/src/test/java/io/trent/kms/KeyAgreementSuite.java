package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.crypto.KeyAgreement;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/** DeriveSharedSecret: the secret both sides of ECDH compute, and its errors. */
public abstract class KeyAgreementSuite extends KmsServiceTestSupport {

    private String agreementKey(String spec) {
        return createKey("{'KeySpec':'" + spec + "','KeyUsage':'KEY_AGREEMENT'}");
    }

    private byte[] kmsPublicKey(String keyId) {
        return unb64(call("GetPublicKey", "{'KeyId':'" + keyId + "'}").get("PublicKey"));
    }

    private JsonNode derive(String keyId, byte[] peerPublicKey) {
        return call("DeriveSharedSecret", "{'KeyId':'" + keyId + "','KeyAgreementAlgorithm':'ECDH','PublicKey':'"
                + b64(peerPublicKey) + "'}");
    }

    private static KeyPair localPair(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    @Test
    void bothSidesOfEcdhOnTheNistCurvesAgree() throws Exception {
        String[][] curves = {{"ECC_NIST_P256", "secp256r1"}, {"ECC_NIST_P384", "secp384r1"},
                {"ECC_NIST_P521", "secp521r1"}};
        for (String[] c : curves) {
            String keyId = agreementKey(c[0]);
            KeyPair local = localPair(c[1]);
            JsonNode out = derive(keyId, local.getPublic().getEncoded());
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(local.getPrivate());
            ecdh.doPhase(KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(kmsPublicKey(keyId))), true);
            assertThat(unb64(out.get("SharedSecret"))).as(c[0]).isEqualTo(ecdh.generateSecret());
            assertThat(out.get("KeyId").asText()).isEqualTo(keyArn(keyId));
            assertThat(out.get("KeyAgreementAlgorithm").asText()).isEqualTo("ECDH");
            assertThat(out.get("KeyOrigin").asText()).isEqualTo("AWS_KMS");
        }
    }

    @Test
    void badRequestsGetTheAwsErrors() throws Exception {
        String keyId = agreementKey("ECC_NIST_P256");
        byte[] p384 = localPair("secp384r1").getPublic().getEncoded();
        byte[] p256 = localPair("secp256r1").getPublic().getEncoded();
        assertThat(error("ValidationException", "DeriveSharedSecret", "{'KeyId':'" + keyId
                + "','KeyAgreementAlgorithm':'ECDH','PublicKey':'" + b64(p384) + "'}")).contains("PublicKey");
        error("ValidationException", "DeriveSharedSecret", "{'KeyId':'" + keyId
                + "','KeyAgreementAlgorithm':'ECDH','PublicKey':'" + b64("not a key") + "'}");
        byte[] offCurve = p256.clone();
        offCurve[offCurve.length - 1] ^= 1; // the point's y no longer satisfies the curve equation
        error("ValidationException", "DeriveSharedSecret", "{'KeyId':'" + keyId
                + "','KeyAgreementAlgorithm':'ECDH','PublicKey':'" + b64(offCurve) + "'}");
        error("ValidationException", "DeriveSharedSecret", "{'KeyId':'" + keyId + "','PublicKey':'" + b64(p256) + "'}");
        error("ValidationException", "DeriveSharedSecret", "{'KeyId':'" + keyId
                + "','KeyAgreementAlgorithm':'ECDH_X','PublicKey':'" + b64(p256) + "'}");
        error("DryRunOperationException", "DeriveSharedSecret", "{'KeyId':'" + keyId
                + "','KeyAgreementAlgorithm':'ECDH','PublicKey':'" + b64(p256) + "','DryRun':true}");

        String signing = createKey("{'KeySpec':'ECC_NIST_P256','KeyUsage':'SIGN_VERIFY'}");
        error("InvalidKeyUsageException", "DeriveSharedSecret", "{'KeyId':'" + signing
                + "','KeyAgreementAlgorithm':'ECDH','PublicKey':'" + b64(p256) + "'}");
        call("DisableKey", "{'KeyId':'" + keyId + "'}");
        error("DisabledException", "DeriveSharedSecret", "{'KeyId':'" + keyId
                + "','KeyAgreementAlgorithm':'ECDH','PublicKey':'" + b64(p256) + "'}");
        errorAs(ALICE, "AccessDeniedException", "DeriveSharedSecret", "{'KeyId':'" + keyArn(keyId)
                + "','KeyAgreementAlgorithm':'ECDH','PublicKey':'" + b64(p256) + "'}");
    }
}
