package io.trent.kms;

import java.util.List;
import java.util.Map;

import static io.trent.kms.KeyUsage.ENCRYPT_DECRYPT;
import static io.trent.kms.KeyUsage.GENERATE_VERIFY_MAC;
import static io.trent.kms.KeyUsage.KEY_AGREEMENT;
import static io.trent.kms.KeyUsage.SIGN_VERIFY;

/**
 * Every key spec of the KMS API with the key usages it allows and the algorithms each usage offers (what
 * DescribeKey reports as EncryptionAlgorithms, SigningAlgorithms, MacAlgorithms and KeyAgreementAlgorithms).
 */
public enum KeySpec {
    SYMMETRIC_DEFAULT(Family.SYMMETRIC, 256, Map.of(ENCRYPT_DECRYPT, List.of("SYMMETRIC_DEFAULT"))),
    RSA_2048(Family.RSA, 2048, rsa()),
    RSA_3072(Family.RSA, 3072, rsa()),
    RSA_4096(Family.RSA, 4096, rsa()),
    ECC_NIST_P256(Family.EC_NIST, 256, nist("ECDSA_SHA_256")),
    ECC_NIST_P384(Family.EC_NIST, 384, nist("ECDSA_SHA_384")),
    ECC_NIST_P521(Family.EC_NIST, 521, nist("ECDSA_SHA_512")),
    ECC_SECG_P256K1(Family.EC_SECG, 256, Map.of(SIGN_VERIFY, List.of("ECDSA_SHA_256"))),
    ECC_NIST_EDWARDS25519(Family.EDWARDS, 255,
            Map.of(SIGN_VERIFY, List.of("ED25519_SHA_512", "ED25519_PH_SHA_512"))),
    SM2(Family.SM2, 256, Map.of(ENCRYPT_DECRYPT, List.of("SM2PKE"), SIGN_VERIFY, List.of("SM2DSA"),
            KEY_AGREEMENT, List.of("ECDH"))),
    HMAC_224(Family.HMAC, 224, Map.of(GENERATE_VERIFY_MAC, List.of("HMAC_SHA_224"))),
    HMAC_256(Family.HMAC, 256, Map.of(GENERATE_VERIFY_MAC, List.of("HMAC_SHA_256"))),
    HMAC_384(Family.HMAC, 384, Map.of(GENERATE_VERIFY_MAC, List.of("HMAC_SHA_384"))),
    HMAC_512(Family.HMAC, 512, Map.of(GENERATE_VERIFY_MAC, List.of("HMAC_SHA_512"))),
    ML_DSA_44(Family.ML_DSA, 0, Map.of(SIGN_VERIFY, List.of("ML_DSA_SHAKE_256"))),
    ML_DSA_65(Family.ML_DSA, 0, Map.of(SIGN_VERIFY, List.of("ML_DSA_SHAKE_256"))),
    ML_DSA_87(Family.ML_DSA, 0, Map.of(SIGN_VERIFY, List.of("ML_DSA_SHAKE_256")));

    public enum Family { SYMMETRIC, RSA, EC_NIST, EC_SECG, EDWARDS, SM2, HMAC, ML_DSA }

    /** Specs that the deprecated CustomerMasterKeySpec parameter and metadata field know. */
    private static final List<KeySpec> NOT_CUSTOMER_MASTER_KEY_SPECS =
            List.of(ECC_NIST_EDWARDS25519, ML_DSA_44, ML_DSA_65, ML_DSA_87);

    private final Family family;
    private final int bits;
    private final Map<KeyUsage, List<String>> algorithms;

    KeySpec(Family family, int bits, Map<KeyUsage, List<String>> algorithms) {
        this.family = family;
        this.bits = bits;
        this.algorithms = algorithms;
    }

    private static Map<KeyUsage, List<String>> rsa() {
        return Map.of(ENCRYPT_DECRYPT, List.of("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"),
                SIGN_VERIFY, List.of("RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384",
                        "RSASSA_PKCS1_V1_5_SHA_512", "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512"));
    }

    private static Map<KeyUsage, List<String>> nist(String signing) {
        return Map.of(SIGN_VERIFY, List.of(signing), KEY_AGREEMENT, List.of("ECDH"));
    }

    public Family family() { return family; }

    /** Key size in bits (the curve size for elliptic curves; 0 when not meaningful). */
    public int bits() { return bits; }

    public boolean allows(KeyUsage usage) { return algorithms.containsKey(usage); }

    /** The algorithms a key of this spec offers for {@code usage}; empty when the usage is not allowed. */
    public List<String> algorithms(KeyUsage usage) { return algorithms.getOrDefault(usage, List.of()); }

    public boolean isSymmetricEncryption() { return this == SYMMETRIC_DEFAULT; }

    /** Whether the deprecated CustomerMasterKeySpec field can express this spec. */
    public boolean hasCustomerMasterKeySpec() { return !NOT_CUSTOMER_MASTER_KEY_SPECS.contains(this); }
}
