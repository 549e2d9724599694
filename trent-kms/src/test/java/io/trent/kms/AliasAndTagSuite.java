package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CreateAlias, UpdateAlias, DeleteAlias, ListAliases; TagResource, UntagResource, ListResourceTags. */
public abstract class AliasAndTagSuite extends KmsServiceTestSupport {

    private List<String> aliasNames(JsonNode listAliases) {
        List<String> names = new ArrayList<>();
        listAliases.get("Aliases").forEach(a -> names.add(a.get("AliasName").asText()));
        return names;
    }

    @Test
    void aliasesAreCreatedListedRetargetedAndDeleted() {
        String a = createKey(), b = createKey();
        call("CreateAlias", "{'AliasName':'alias/one','TargetKeyId':'" + a + "'}");
        call("CreateAlias", "{'AliasName':'alias/two','TargetKeyId':'" + keyArn(a) + "'}");
        call("CreateAlias", "{'AliasName':'alias/three','TargetKeyId':'" + b + "'}");

        JsonNode all = call("ListAliases", "{}");
        assertThat(aliasNames(all)).containsExactly("alias/one", "alias/three", "alias/two");
        JsonNode one = all.get("Aliases").get(0);
        assertThat(one.get("AliasArn").asText()).isEqualTo("arn:aws:kms:us-east-1:" + ACCOUNT + ":alias/one");
        assertThat(one.get("TargetKeyId").asText()).isEqualTo(a);
        assertThat(one.get("CreationDate").isNumber()).isTrue();
        assertThat(one.get("LastUpdatedDate").isNumber()).isTrue();
        assertThat(aliasNames(call("ListAliases", "{'KeyId':'" + a + "'}"))).containsExactly("alias/one", "alias/two");

        JsonNode page = call("ListAliases", "{'Limit':2}");
        assertThat(aliasNames(page)).containsExactly("alias/one", "alias/three");
        assertThat(page.get("Truncated").asBoolean()).isTrue();
        assertThat(aliasNames(call("ListAliases", "{'Limit':2,'Marker':'" + page.get("NextMarker").asText() + "'}")))
                .containsExactly("alias/two");

        // resolution follows the alias at once after an update (no stale cache)
        assertThat(call("DescribeKey", "{'KeyId':'alias/one'}").at("/KeyMetadata/KeyId").asText()).isEqualTo(a);
        clock.advance(java.time.Duration.ofSeconds(5));
        call("UpdateAlias", "{'AliasName':'alias/one','TargetKeyId':'" + b + "'}");
        assertThat(call("DescribeKey", "{'KeyId':'alias/one'}").at("/KeyMetadata/KeyId").asText()).isEqualTo(b);
        JsonNode updated = call("ListAliases", "{'KeyId':'" + b + "'}").get("Aliases").get(0);
        assertThat(updated.get("LastUpdatedDate").decimalValue()).isGreaterThan(updated.get("CreationDate").decimalValue());

        call("DeleteAlias", "{'AliasName':'alias/one'}");
        error("NotFoundException", "DescribeKey", "{'KeyId':'alias/one'}");
        error("NotFoundException", "DeleteAlias", "{'AliasName':'alias/one'}");
        error("NotFoundException", "UpdateAlias", "{'AliasName':'alias/one','TargetKeyId':'" + a + "'}");
        assertThat(aliasNames(call("ListAliases", "{}"))).containsExactly("alias/three", "alias/two");
    }

    @Test
    void aliasRules() {
        String a = createKey();
        call("CreateAlias", "{'AliasName':'alias/taken','TargetKeyId':'" + a + "'}");
        assertThat(error("AlreadyExistsException", "CreateAlias", "{'AliasName':'alias/taken','TargetKeyId':'" + a + "'}"))
                .contains("alias/taken");
        error("InvalidAliasNameException", "CreateAlias", "{'AliasName':'noprefix','TargetKeyId':'" + a + "'}");
        error("InvalidAliasNameException", "CreateAlias", "{'AliasName':'alias/','TargetKeyId':'" + a + "'}");
        assertThat(error("ValidationException", "CreateAlias", "{'AliasName':'alias/has space','TargetKeyId':'" + a + "'}"))
                .contains("regular expression pattern");
        error("ValidationException", "CreateAlias", "{'AliasName':'alias/x','TargetKeyId':'alias/taken'}");
        error("AccessDeniedException", "CreateAlias", "{'AliasName':'alias/aws/ebs','TargetKeyId':'" + a + "'}");
        error("NotFoundException", "CreateAlias", "{'AliasName':'alias/x','TargetKeyId':'" + keyArn(
                "00000000-0000-4000-8000-000000000000") + "'}");

        String hmac = createKey("{'KeySpec':'HMAC_256','KeyUsage':'GENERATE_VERIFY_MAC'}");
        error("ValidationException", "UpdateAlias", "{'AliasName':'alias/taken','TargetKeyId':'" + hmac + "'}");

        String doomed = createKey();
        call("ScheduleKeyDeletion", "{'KeyId':'" + doomed + "'}");
        error("KMSInvalidStateException", "CreateAlias", "{'AliasName':'alias/late','TargetKeyId':'" + doomed + "'}");
        error("KMSInvalidStateException", "UpdateAlias", "{'AliasName':'alias/taken','TargetKeyId':'" + doomed + "'}");
    }

    @Test
    void aKeyHasAtMostFiftyAliases() {
        String a = createKey();
        for (int i = 0; i < 50; i++) call("CreateAlias", "{'AliasName':'alias/a" + i + "','TargetKeyId':'" + a + "'}");
        error("LimitExceededException", "CreateAlias", "{'AliasName':'alias/a50','TargetKeyId':'" + a + "'}");
        String b = createKey();
        call("CreateAlias", "{'AliasName':'alias/b','TargetKeyId':'" + b + "'}");
        error("LimitExceededException", "UpdateAlias", "{'AliasName':'alias/b','TargetKeyId':'" + a + "'}");
    }

    @Test
    void tagsAreAddedReplacedListedAndRemoved() {
        String id = createKey("{'Tags':[{'TagKey':'Team','TagValue':'blue'},{'TagKey':'Env','TagValue':''}]}");
        JsonNode tags = call("ListResourceTags", "{'KeyId':'" + id + "'}");
        assertThat(tags.get("Tags").toString()).isEqualTo(
                "[{\"TagKey\":\"Env\",\"TagValue\":\"\"},{\"TagKey\":\"Team\",\"TagValue\":\"blue\"}]");
        assertThat(tags.get("Truncated").asBoolean()).isFalse();

        call("TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'Team','TagValue':'red'},{'TagKey':'Cost','TagValue':'42'}]}");
        call("UntagResource", "{'KeyId':'" + id + "','TagKeys':['Env','Absent']}");
        assertThat(call("ListResourceTags", "{'KeyId':'" + id + "'}").get("Tags").toString()).isEqualTo(
                "[{\"TagKey\":\"Cost\",\"TagValue\":\"42\"},{\"TagKey\":\"Team\",\"TagValue\":\"red\"}]");

        JsonNode first = call("ListResourceTags", "{'KeyId':'" + id + "','Limit':1}");
        assertThat(first.get("Tags")).hasSize(1);
        assertThat(first.get("Truncated").asBoolean()).isTrue();
        JsonNode second = call("ListResourceTags", "{'KeyId':'" + id + "','Limit':1,'Marker':'"
                + first.get("NextMarker").asText() + "'}");
        assertThat(second.at("/Tags/0/TagKey").asText()).isEqualTo("Team");
        assertThat(second.get("Truncated").asBoolean()).isFalse();
    }

    @Test
    void tagRules() {
        String id = createKey();
        assertThat(error("TagException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'aws:x','TagValue':'v'}]}"))
                .contains("aws:");
        error("TagException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'k','TagValue':'a'},"
                + "{'TagKey':'k','TagValue':'b'}]}");
        error("TagException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'bad*char','TagValue':'v'}]}");
        error("ValidationException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'','TagValue':'v'}]}");
        error("ValidationException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'k'}]}");
        error("ValidationException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'k','TagValue':'"
                + "v".repeat(257) + "'}]}");
        error("ValidationException", "TagResource", "{'KeyId':'" + id + "'}");
        StringBuilder fifty = new StringBuilder("[");
        for (int i = 0; i < 50; i++) fifty.append(i == 0 ? "" : ",").append("{'TagKey':'t").append(i).append("','TagValue':'v'}");
        call("TagResource", "{'KeyId':'" + id + "','Tags':" + fifty + "]}");
        // replacing an existing tag is fine at the limit, a 51st is not
        call("TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'t0','TagValue':'new'}]}");
        error("LimitExceededException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'t50','TagValue':'v'}]}");
        call("ScheduleKeyDeletion", "{'KeyId':'" + id + "'}");
        error("KMSInvalidStateException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'t0','TagValue':'v'}]}");
        error("KMSInvalidStateException", "UntagResource", "{'KeyId':'" + id + "','TagKeys':['t0']}");
        assertThat(call("ListResourceTags", "{'KeyId':'" + id + "'}").get("Tags")).hasSize(50);
    }

    @Test
    void tagsDriveAttributeBasedAccessImmediately() {
        String id = createKey();
        // an IAM policy that allows encryption only with keys tagged Team=blue (aws:ResourceTag in IAM policies)
        iamPolicies.put(ALICE, List.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"kms:Encrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:ResourceTag/Team\":\"blue\"}}}]}"));
        String encrypt = "{'KeyId':'" + keyArn(id) + "','Plaintext':'" + b64("x") + "'}";
        errorAs(ALICE, "AccessDeniedException", "Encrypt", encrypt);
        call("TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'Team','TagValue':'blue'}]}");
        assertThat(callAs(ALICE, "Encrypt", encrypt).has("CiphertextBlob")).isTrue();
        call("UntagResource", "{'KeyId':'" + id + "','TagKeys':['Team']}");
        errorAs(ALICE, "AccessDeniedException", "Encrypt", encrypt);
    }
}
