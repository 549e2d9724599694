package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** CreateGrant, ListGrants, ListRetirableGrants, RetireGrant, RevokeGrant, and grants deciding requests. */
public abstract class GrantSuite extends KmsServiceTestSupport {

    private JsonNode grant(String keyId, String body) {
        return call("CreateGrant", "{'KeyId':'" + keyId + "'," + body + "}");
    }

    private String encryptAs(String caller, String keyId, String context) {
        return callAs(caller, "Encrypt", "{'KeyId':'" + keyArn(keyId) + "','Plaintext':'" + b64("x") + "'"
                + (context == null ? "" : ",'EncryptionContext':" + context) + "}").get("CiphertextBlob").asText();
    }

    @Test
    void aGrantAllowsItsOperationsToItsGrantee() {
        String id = createKey();
        String encrypt = "{'KeyId':'" + keyArn(id) + "','Plaintext':'" + b64("x") + "'}";
        errorAs(BOB, "AccessDeniedException", "Encrypt", encrypt);
        JsonNode g = grant(id, "'GranteePrincipal':'" + BOB + "','Operations':['Encrypt','Decrypt']");
        assertThat(g.get("GrantId").asText()).matches("[0-9a-f]{64}");
        assertThat(g.get("GrantToken").asText()).isNotBlank();
        String blob = encryptAs(BOB, id, null);
        assertThat(callAs(BOB, "Decrypt", "{'CiphertextBlob':'" + blob + "'}").get("KeyId").asText()).isEqualTo(keyArn(id));
        errorAs(BOB, "AccessDeniedException", "DescribeKey", "{'KeyId':'" + keyArn(id) + "'}");
        errorAs(BOB, "AccessDeniedException", "GenerateDataKey", "{'KeyId':'" + keyArn(id) + "','KeySpec':'AES_256'}");

        call("RevokeGrant", "{'KeyId':'" + id + "','GrantId':'" + g.get("GrantId").asText() + "'}");
        errorAs(BOB, "AccessDeniedException", "Encrypt", encrypt);
        error("NotFoundException", "RevokeGrant", "{'KeyId':'" + id + "','GrantId':'" + g.get("GrantId").asText() + "'}");
        error("InvalidGrantIdException", "RevokeGrant", "{'KeyId':'" + id + "','GrantId':'nope'}");
    }

    @Test
    void encryptionContextConstraintsLimitTheGrant() {
        String id = createKey();
        grant(id, "'GranteePrincipal':'" + BOB + "','Operations':['Encrypt'],"
                + "'Constraints':{'EncryptionContextSubset':{'Dept':'IT'}}");
        encryptAs(BOB, id, "{'Dept':'IT','Other':'1'}");
        encryptAs(BOB, id, "{'dept':'IT'}"); // constraint keys are case-insensitive
        errorAs(BOB, "AccessDeniedException", "Encrypt", "{'KeyId':'" + keyArn(id) + "','Plaintext':'" + b64("x") + "'}");
        errorAs(BOB, "AccessDeniedException", "Encrypt", "{'KeyId':'" + keyArn(id) + "','Plaintext':'" + b64("x")
                + "','EncryptionContext':{'Dept':'it'}}");

        String other = createKey();
        grant(other, "'GranteePrincipal':'" + BOB + "','Operations':['Encrypt'],"
                + "'Constraints':{'EncryptionContextEquals':{'A':'1','B':'2'}}");
        encryptAs(BOB, other, "{'B':'2','A':'1'}");
        errorAs(BOB, "AccessDeniedException", "Encrypt", "{'KeyId':'" + keyArn(other) + "','Plaintext':'" + b64("x")
                + "','EncryptionContext':{'A':'1','B':'2','C':'3'}}");
    }

    @Test
    void createGrantValidation() {
        String id = createKey();
        String hmac = createKey("{'KeySpec':'HMAC_256','KeyUsage':'GENERATE_VERIFY_MAC'}");
        error("ValidationException", "CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB
                + "','Operations':['Sign']}");
        assertThat(error("ValidationException", "CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB
                + "','Operations':['Encrypt','Fly']}")).isEqualTo("1 validation error detected: Value '[Encrypt, Fly]' "
                + "at 'operations' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy "
                + "enum value set: " + Grants.OPERATIONS + "]");
        error("ValidationException", "CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB
                + "','Operations':[]}");
        error("ValidationException", "CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB + "'}");
        error("ValidationException", "CreateGrant", "{'KeyId':'" + hmac + "','GranteePrincipal':'" + BOB
                + "','Operations':['Encrypt']}");
        grant(hmac, "'GranteePrincipal':'" + BOB + "','Operations':['GenerateMac','VerifyMac','DescribeKey']");
        error("ValidationException", "CreateGrant", "{'KeyId':'" + hmac + "','GranteePrincipal':'" + BOB
                + "','Operations':['GenerateMac'],'Constraints':{'EncryptionContextSubset':{'a':'b'}}}");
        grant(hmac, "'GranteePrincipal':'" + BOB + "','Operations':['DescribeKey'],"
                + "'Constraints':{'EncryptionContextSubset':{'a':'b'}}");
        assertThat(error("InvalidArnException", "CreateGrant", "{'KeyId':'" + id
                + "','GranteePrincipal':'cloudtrail.amazonaws.com','Operations':['Encrypt']}"))
                .isEqualTo("ARN does not refer to a valid principal: cloudtrail.amazonaws.com");
        error("InvalidArnException", "CreateGrant", "{'KeyId':'" + id
                + "','GranteePrincipal':'arn:aws:iam::111122223333:user/ghost','Operations':['Encrypt']}");
        error("InvalidArnException", "CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB
                + "','RetiringPrincipal':'arn:aws:iam::111122223333:group/ops','Operations':['Encrypt']}");
        StringBuilder nine = new StringBuilder("{");
        for (int i = 0; i < 9; i++) nine.append(i == 0 ? "" : ",").append("'k").append(i).append("':'v'");
        error("ValidationException", "CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB
                + "','Operations':['Encrypt'],'Constraints':{'EncryptionContextEquals':" + nine + "}}}");
        error("ValidationException", "CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB
                + "','Operations':['Encrypt'],'Constraints':{'EncryptionContextEquals':{'k':'" + "v".repeat(385) + "'}}}");
        error("InvalidGrantTokenException", "CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB
                + "','Operations':['Encrypt'],'GrantTokens':['forged']}");
        error("ValidationException", "CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB
                + "','Operations':['Encrypt'],'GrantTokens':['a','b','c','d','e','f','g','h','i','j','k']}");
        error("DryRunOperationException", "CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB
                + "','Operations':['Encrypt'],'DryRun':true}");
        assertThat(call("ListGrants", "{'KeyId':'" + id + "'}").get("Grants")).isEmpty();
        call("DisableKey", "{'KeyId':'" + id + "'}");
        error("DisabledException", "CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB
                + "','Operations':['Encrypt']}");
    }

    @Test
    void grantTokensFromCreateGrantAreAccepted() {
        String id = createKey();
        String token = grant(id, "'GranteePrincipal':'" + BOB + "','Operations':['Encrypt']").get("GrantToken").asText();
        assertThat(callAs(BOB, "Encrypt", "{'KeyId':'" + keyArn(id) + "','Plaintext':'" + b64("x")
                + "','GrantTokens':['" + token + "']}").has("CiphertextBlob")).isTrue();
    }

    @Test
    void namedGrantsAreIdempotent() {
        String id = createKey();
        String body = "'GranteePrincipal':'" + BOB + "','Operations':['Encrypt','Decrypt'],'Name':'retry-me'";
        JsonNode first = grant(id, body);
        JsonNode again = grant(id, "'GranteePrincipal':'" + BOB + "','Operations':['Decrypt','Encrypt'],'Name':'retry-me'");
        assertThat(again.get("GrantId")).isEqualTo(first.get("GrantId"));
        assertThat(again.get("GrantToken")).isNotEqualTo(first.get("GrantToken"));
        JsonNode different = grant(id, "'GranteePrincipal':'" + BOB + "','Operations':['Encrypt'],'Name':'retry-me'");
        assertThat(different.get("GrantId")).isNotEqualTo(first.get("GrantId"));
        JsonNode unnamed1 = grant(id, "'GranteePrincipal':'" + BOB + "','Operations':['Encrypt']");
        JsonNode unnamed2 = grant(id, "'GranteePrincipal':'" + BOB + "','Operations':['Encrypt']");
        assertThat(unnamed1.get("GrantId")).isNotEqualTo(unnamed2.get("GrantId"));
        assertThat(call("ListGrants", "{'KeyId':'" + id + "'}").get("Grants")).hasSize(4);
    }

    @Test
    void listGrantsShowsEveryFieldFiltersAndPages() {
        String id = createKey();
        String gid = grant(id, "'GranteePrincipal':'" + BOB + "','RetiringPrincipal':'" + ALICE + "',"
                + "'Operations':['Decrypt','RetireGrant'],'Name':'n1',"
                + "'Constraints':{'EncryptionContextEquals':{'App':'x'}}").get("GrantId").asText();
        for (int i = 0; i < 4; i++) grant(id, "'GranteePrincipal':'" + ALICE + "','Operations':['Encrypt']");

        JsonNode one = call("ListGrants", "{'KeyId':'" + id + "','GrantId':'" + gid + "'}").get("Grants");
        assertThat(one).hasSize(1);
        JsonNode g = one.get(0);
        assertThat(g.get("KeyId").asText()).isEqualTo(keyArn(id));
        assertThat(g.get("GrantId").asText()).isEqualTo(gid);
        assertThat(g.get("Name").asText()).isEqualTo("n1");
        assertThat(g.get("CreationDate").isNumber()).isTrue();
        assertThat(g.get("GranteePrincipal").asText()).isEqualTo(BOB);
        assertThat(g.get("RetiringPrincipal").asText()).isEqualTo(ALICE);
        assertThat(g.get("IssuingAccount").asText()).isEqualTo(ROOT);
        assertThat(g.get("Operations").toString()).isEqualTo("[\"Decrypt\",\"RetireGrant\"]");
        assertThat(g.at("/Constraints/EncryptionContextEquals/App").asText()).isEqualTo("x");

        assertThat(call("ListGrants", "{'KeyId':'" + id + "','GranteePrincipal':'" + ALICE + "'}").get("Grants")).hasSize(4);
        Set<String> seen = new HashSet<>();
        String marker = null;
        do {
            JsonNode page = call("ListGrants", "{'KeyId':'" + id + "','Limit':2"
                    + (marker == null ? "" : ",'Marker':'" + marker + "'") + "}");
            assertThat(page.get("Grants").size()).isLessThanOrEqualTo(2);
            page.get("Grants").forEach(x -> seen.add(x.get("GrantId").asText()));
            marker = page.get("Truncated").asBoolean() ? page.get("NextMarker").asText() : null;
        } while (marker != null);
        assertThat(seen).hasSize(5);
        error("InvalidGrantIdException", "ListGrants", "{'KeyId':'" + id + "','GrantId':'bad'}");

        // grants of every key whose retiring principal is Alice
        String other = createKey();
        grant(other, "'GranteePrincipal':'" + BOB + "','RetiringPrincipal':'" + ALICE + "','Operations':['Encrypt']");
        allowIam(ALICE, "kms:ListRetirableGrants");
        JsonNode retirable = callAs(ALICE, "ListRetirableGrants", "{'RetiringPrincipal':'" + ALICE + "','Limit':1}");
        assertThat(retirable.get("Grants")).hasSize(1);
        assertThat(retirable.get("Truncated").asBoolean()).isTrue();
        JsonNode rest = callAs(ALICE, "ListRetirableGrants", "{'RetiringPrincipal':'" + ALICE + "','Marker':'"
                + retirable.get("NextMarker").asText() + "'}");
        assertThat(rest.get("Grants")).hasSize(1);
        assertThat(rest.at("/Grants/0/KeyId")).isNotEqualTo(retirable.at("/Grants/0/KeyId"));
        errorAs(BOB, "AccessDeniedException", "ListRetirableGrants", "{'RetiringPrincipal':'" + ALICE + "'}");
        // the listing covers the request's Region only
        assertThat(kms.call("ListRetirableGrants", json("{'RetiringPrincipal':'" + ALICE + "'}"), as(ALICE, "eu-west-1"))
                .get("Grants")).isEmpty();
    }

    @Test
    void retireGrantByTokenOrByKeyAndGrantId() {
        String id = createKey();
        JsonNode byToken = grant(id, "'GranteePrincipal':'" + BOB + "','RetiringPrincipal':'" + ALICE
                + "','Operations':['Encrypt']");
        errorAs(BOB, "AccessDeniedException", "RetireGrant", "{'GrantToken':'" + byToken.get("GrantToken").asText() + "'}");
        // a token names a grant in its key's Region only
        KmsException elsewhere = org.assertj.core.api.Assertions.catchThrowableOfType(KmsException.class, () -> kms.call(
                "RetireGrant", json("{'GrantToken':'" + byToken.get("GrantToken").asText() + "'}"), as(ALICE, "eu-west-1")));
        assertThat(elsewhere.errorCode()).isEqualTo("InvalidGrantTokenException");
        callAs(ALICE, "RetireGrant", "{'GrantToken':'" + byToken.get("GrantToken").asText() + "'}");
        errorAs(ALICE, "InvalidGrantTokenException", "RetireGrant", "{'GrantToken':'" + byToken.get("GrantToken").asText() + "'}");
        errorAs(ALICE, "InvalidGrantTokenException", "RetireGrant", "{'GrantToken':'garbage'}");

        // a grantee may retire a grant that lists RetireGrant
        String gid = grant(id, "'GranteePrincipal':'" + BOB + "','Operations':['Encrypt','RetireGrant']")
                .get("GrantId").asText();
        callAs(BOB, "RetireGrant", "{'KeyId':'" + keyArn(id) + "','GrantId':'" + gid + "'}");
        assertThat(call("ListGrants", "{'KeyId':'" + id + "'}").get("Grants")).isEmpty();
        error("NotFoundException", "RetireGrant", "{'KeyId':'" + id + "','GrantId':'" + gid + "'}");
        error("InvalidGrantIdException", "RetireGrant", "{'KeyId':'" + id + "','GrantId':'xyz'}");
        error("InvalidGrantIdException", "RetireGrant", "{'KeyId':'alias/none','GrantId':'xyz'}");
        error("ValidationException", "RetireGrant", "{'KeyId':'" + id + "'}");
    }

    @Test
    void grantsSurviveRestartAndDieWithTheirKey() {
        String id = createKey();
        grant(id, "'GranteePrincipal':'" + BOB + "','Operations':['Encrypt']");
        restart();
        encryptAs(BOB, id, null);
        call("ScheduleKeyDeletion", "{'KeyId':'" + id + "','PendingWindowInDays':7}");
        clock.advance(java.time.Duration.ofDays(8));
        assertThat(kms.purgeExpiredKeys()).isEqualTo(1);
        error("NotFoundException", "ListGrants", "{'KeyId':'" + id + "'}");
    }

    @Test
    void whatDependsOnTheKeyOrTheDirectoryIsCheckedOnlyForAuthorizedCallers() {
        String id = createKey();
        // Bob may not create grants: he learns neither that Sign does not fit this key nor that ghost does not exist
        errorAs(BOB, "AccessDeniedException", "CreateGrant", "{'KeyId':'" + keyArn(id) + "','GranteePrincipal':'"
                + BOB + "','Operations':['Sign']}");
        errorAs(BOB, "AccessDeniedException", "CreateGrant", "{'KeyId':'" + keyArn(id)
                + "','GranteePrincipal':'arn:aws:iam::111122223333:user/ghost','Operations':['Encrypt']}");
        // while a malformed request is refused before anything else
        errorAs(BOB, "ValidationException", "CreateGrant", "{'KeyId':'" + keyArn(id) + "','GranteePrincipal':'"
                + BOB + "','Operations':['Sign'],'Name':'has space'}");
        error("ValidationException", "CreateGrant", "{'KeyId':'" + id + "','GranteePrincipal':'" + BOB
                + "','Operations':['Sign']}");
    }
}
