package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** GetKeyPolicy, PutKeyPolicy, ListKeyPolicies, policy validation, the lockout check, access decisions. */
public abstract class PolicySuite extends KmsServiceTestSupport {

    /** A key policy: the account statement plus {@code extra} statements (JSON, double quotes). */
    static String policy(String... extra) {
        StringBuilder s = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Root\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"}");
        for (String e : extra) s.append(',').append(e);
        return s.append("]}").toString();
    }

    /** The body of a PutKeyPolicy request carrying {@code policy} as a JSON string. */
    static String put(String keyId, String policy, boolean bypass) {
        return "{'KeyId':'" + keyId + "','Policy':" + quote(policy)
                + (bypass ? ",'BypassPolicyLockoutSafetyCheck':true" : "") + "}";
    }

    static String quote(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }

    @Test
    void aPolicyIsStoredVerbatimAndGovernsAccess() {
        String id = createKey();
        String p = policy("{\"Sid\":\"Alice uses the key\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ALICE
                + "\"},\"Action\":[\"kms:Encrypt\",\"kms:DescribeKey\"],\"Resource\":\"*\"}");
        String spaced = p.replace(",", " ,\n ");
        call("PutKeyPolicy", put(id, spaced, false));
        JsonNode got = call("GetKeyPolicy", "{'KeyId':'" + id + "','PolicyName':'default'}");
        assertThat(got.get("Policy").asText()).isEqualTo(spaced);
        assertThat(got.get("PolicyName").asText()).isEqualTo("default");
        // the new policy takes effect at once
        assertThat(callAs(ALICE, "DescribeKey", "{'KeyId':'" + keyArn(id) + "'}").at("/KeyMetadata/KeyId").asText())
                .isEqualTo(id);
        assertThat(errorAs(ALICE, "AccessDeniedException", "GetKeyPolicy", "{'KeyId':'" + keyArn(id) + "'}")).isEqualTo(
                "User: " + ALICE + " is not authorized to perform: kms:GetKeyPolicy on resource: " + keyArn(id)
                        + " because no identity-based policy allows the kms:GetKeyPolicy action");

        JsonNode names = call("ListKeyPolicies", "{'KeyId':'" + id + "'}");
        assertThat(names.get("PolicyNames").toString()).isEqualTo("[\"default\"]");
        assertThat(names.get("Truncated").asBoolean()).isFalse();
        error("NotFoundException", "GetKeyPolicy", "{'KeyId':'" + id + "','PolicyName':'other'}");
        error("ValidationException", "PutKeyPolicy", "{'KeyId':'" + id + "','PolicyName':'other','Policy':"
                + quote(policy()) + "}");
    }

    @Test
    void invalidPoliciesAreRejectedWithAwsMessages() {
        String id = createKey();
        error("MalformedPolicyDocumentException", "PutKeyPolicy", put(id, "{not json", false));
        error("MalformedPolicyDocumentException", "PutKeyPolicy", put(id, "{\"Statement\":[]}", false));
        assertThat(error("MalformedPolicyDocumentException", "PutKeyPolicy", put(id, policy(
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/*\"},"
                        + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}"), false)))
                .isEqualTo("Policy contains a statement with one or more invalid principals.");
        // a principal the server does not know
        assertThat(error("MalformedPolicyDocumentException", "PutKeyPolicy", put(id, policy(
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/ghost\"},"
                        + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}"), false)))
                .isEqualTo("Policy contains a statement with one or more invalid principals.");
        assertThat(error("MalformedPolicyDocumentException", "PutKeyPolicy", put(id, policy(
                "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
                        + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/Team\":\"x\"}}}"), false)))
                .isEqualTo("These condition keys are not permitted in a key policy: aws:ResourceTag/Team");
        assertThat(error("MalformedPolicyDocumentException", "PutKeyPolicy", put(id, policy(
                "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
                        + "\"Condition\":{\"ForAllValues:StringEquals\":{\"kms:EncryptionContext:app\":\"x\"}}}"), false)))
                .startsWith("OverlyPermissiveCondition:");
        error("MalformedPolicyDocumentException", "PutKeyPolicy", put(id, policy(
                "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"arn:aws:kms:*\"}"), false));
        String big = policy("{\"Sid\":\"" + "x".repeat(33_000) + "\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
        error("LimitExceededException", "PutKeyPolicy", put(id, big, false));
        error("ValidationException", "PutKeyPolicy", put(id, policy().replace("Root", "R\u0101"), false));
        // nothing was stored by the failed calls
        assertThat(json(call("GetKeyPolicy", "{'KeyId':'" + id + "'}").get("Policy").asText())
                .at("/Statement/0/Sid").asText()).isEqualTo("Enable IAM User Permissions");
    }

    @Test
    void theLockoutCheckProtectsThePolicyUnlessBypassed() {
        allowIam(ALICE, "kms:*");
        String id = callAs(ALICE, "CreateKey", "{}").at("/KeyMetadata/KeyId").asText();
        // a policy naming only Bob would lock Alice out
        String bobOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + BOB + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        assertThat(errorAs(ALICE, "MalformedPolicyDocumentException", "PutKeyPolicy", put(id, bobOnly, false)))
                .isEqualTo("The new key policy will not allow you to update the key policy in the future.");
        assertThat(errorAs(ALICE, "MalformedPolicyDocumentException", "CreateKey", "{'Policy':" + quote(bobOnly) + "}"))
                .isEqualTo("The new key policy will not allow you to update the key policy in the future.");
        callAs(ALICE, "PutKeyPolicy", put(id, bobOnly, true));
        // now Alice is locked out: PutKeyPolicy is authorized against the current policy
        errorAs(ALICE, "AccessDeniedException", "PutKeyPolicy", put(id, policy(), true));
        errorAs(ALICE, "AccessDeniedException", "DescribeKey", "{'KeyId':'" + keyArn(id) + "'}");
        // Bob, named directly, passes the lockout check with a policy that keeps naming him
        String bobAndAccount = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + BOB
                + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}");
        errorAs(BOB, "MalformedPolicyDocumentException", "PutKeyPolicy", put(keyArn(id), policy(), false));
        callAs(BOB, "PutKeyPolicy", put(keyArn(id), bobAndAccount, false));
        assertThat(callAs(ALICE, "DescribeKey", "{'KeyId':'" + keyArn(id) + "'}").has("KeyMetadata")).isTrue();
        // CreateKey with a bypassed unsafe policy
        String created = callAs(ALICE, "CreateKey", "{'Policy':" + quote(bobOnly) + ",'BypassPolicyLockoutSafetyCheck':true}")
                .at("/KeyMetadata/KeyId").asText();
        assertThat(call("ListKeys", "{}").toString()).contains(created);
    }

    @Test
    void crossAccountUseNeedsTheKeyArnAndBothPolicies() {
        String id = createKey("{'Policy':" + quote(policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + OTHER_ACCOUNT + ":root\"},\"Action\":[\"kms:Encrypt\",\"kms:DescribeKey\"],\"Resource\":\"*\"}")) + "}");
        String encrypt = "{'KeyId':'" + keyArn(id) + "','Plaintext':'" + b64("x") + "'}";
        errorAs(CAROL, "AccessDeniedException", "Encrypt", encrypt);
        allowIam(CAROL, "kms:Encrypt", "kms:DescribeKey", "kms:PutKeyPolicy");
        assertThat(callAs(CAROL, "Encrypt", encrypt).get("KeyId").asText()).isEqualTo(keyArn(id));
        // a key id means a key of the caller's own account
        errorAs(CAROL, "NotFoundException", "DescribeKey", "{'KeyId':'" + id + "'}");
        // except when decrypting a symmetric ciphertext of that very key, which names its account
        allowIam(CAROL, "kms:Decrypt");
        call("PutKeyPolicy", put(id, policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + OTHER_ACCOUNT + ":root\"},\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:DescribeKey\"],"
                + "\"Resource\":\"*\"}"), false));
        String blob = callAs(CAROL, "Encrypt", encrypt).get("CiphertextBlob").asText();
        assertThat(callAs(CAROL, "Decrypt", "{'CiphertextBlob':'" + blob + "','KeyId':'" + id + "'}").get("KeyId")
                .asText()).isEqualTo(keyArn(id));
        // PutKeyPolicy is not a cross-account operation
        errorAs(CAROL, "AccessDeniedException", "PutKeyPolicy", put(keyArn(id), policy(), true));
    }
}
