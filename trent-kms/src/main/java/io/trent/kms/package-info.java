/**
 * The KMS core: {@link io.trent.kms.KmsService} runs the operations of the KMS API over a
 * {@link io.trent.kms.KmsStore}, with every access decision taken by {@code io.trent.authz.Authorizer}.
 *
 * <p>Scope decisions, where AWS offers more than this server does:
 * <ul>
 *   <li>Key specs: all of AWS's are accepted except ML_DSA_44/65/87 (ValidationException: Java 17 has no ML-DSA).
 *       SM2 exists only in the China Regions, as at AWS: requests in other Regions get
 *       UnsupportedOperationException. secp256k1 and SM2 keys are generated with {@link java.math.BigInteger}
 *       arithmetic because SunEC lacks those curves.</li>
 *   <li>Cryptography: symmetric encryption keys only for now (Encrypt, Decrypt, ReEncrypt, GenerateDataKey*).
 *       Asymmetric and HMAC keys are created with their material, but Sign, Verify, GenerateMac, asymmetric
 *       Encrypt and the like answer UnsupportedOperationException.</li>
 *   <li>Origin EXTERNAL creates a key in PendingImport; ImportKeyMaterial is not implemented, so it stays there.
 *       Custom key stores do not exist (CustomKeyStoreNotFoundException); Nitro Enclaves attestation
 *       ({@code Recipient}) is not supported.</li>
 *   <li>Grants take effect immediately (no eventual consistency); grant tokens are checked for syntax and
 *       identify their grant for RetireGrant.</li>
 *   <li>Key material identifiers (KeyMetadata.CurrentKeyMaterialId, KeyMaterialId in the responses of the
 *       cryptographic operations) have AWS's form, 64 hex digits, but are derived from the key ARN and the
 *       material version.</li>
 * </ul>
 */
package io.trent.kms;
