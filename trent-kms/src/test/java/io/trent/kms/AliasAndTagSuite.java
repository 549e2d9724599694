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
        // without the prefix: AWS's ValidationException, for all three alias operations
        String noPrefix = "Alias must start with the prefix \"alias/\". Please see "
                + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html";
        assertThat(error("ValidationException", "CreateAlias", "{'AliasName':'noprefix','TargetKeyId':'" + a + "'}"))
                .isEqualTo(noPrefix);
        assertThat(error("ValidationException", "UpdateAlias", "{'AliasName':'taken','TargetKeyId':'" + a + "'}"))
                .isEqualTo(noPrefix);
        assertThat(error("ValidationException", "DeleteAlias", "{'AliasName':'taken'}")).isEqualTo(noPrefix);
        error("InvalidAliasNameException", "CreateAlias", "{'AliasName':'alias/','TargetKeyId':'" + a + "'}");
        // an error code UpdateAlias and DeleteAlias do not have: for them that name names no alias
        assertThat(error("NotFoundException", "UpdateAlias", "{'AliasName':'alias/','TargetKeyId':'" + a + "'}"))
                .isEqualTo("Alias arn:aws:kms:us-east-1:" + ACCOUNT + ":alias/ is not found.");
        error("NotFoundException", "DeleteAlias", "{'AliasName':'alias/'}");
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
        assertThat(error("TagException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'AWS:x','TagValue':'v'}]}"))
                .isEqualTo("Tags beginning with aws: are reserved");
        assertThat(error("TagException", "UntagResource", "{'KeyId':'" + id + "','TagKeys':['aws:x']}"))
                .isEqualTo("Tags beginning with aws: are reserved");
        assertThat(error("TagException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'k','TagValue':'a'},"
                + "{'TagKey':'k','TagValue':'b'}]}")).isEqualTo("Duplicate tag keys");
        error("TagException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'bad*char','TagValue':'v'}]}");
        // members of list items are named with their 1-based position
        assertThat(error("ValidationException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'k','TagValue':'v'},"
                + "{'TagKey':'','TagValue':'v'}]}")).isEqualTo("1 validation error detected: Value '' at "
                + "'tags.2.member.tagKey' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertThat(error("ValidationException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'k'}]}"))
                .isEqualTo("1 validation error detected: Value null at 'tags.1.member.tagValue' failed to satisfy "
                        + "constraint: Member must not be null");
        assertThat(error("ValidationException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'k','TagValue':'"
                + "v".repeat(257) + "'}]}")).endsWith("at 'tags.1.member.tagValue' failed to satisfy constraint: "
                + "Member must have length less than or equal to 256");
        assertThat(error("ValidationException", "UntagResource", "{'KeyId':'" + id + "','TagKeys':['ok','"
                + "k".repeat(129) + "']}")).isEqualTo("1 validation error detected: Value '[ok, " + "k".repeat(129)
                + "]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have "
                + "length less than or equal to 128, Member must have length greater than or equal to 1]");
        error("ValidationException", "TagResource", "{'KeyId':'" + id + "'}");
        StringBuilder fifty = new StringBuilder("[");
        for (int i = 0; i < 50; i++) fifty.append(i == 0 ? "" : ",").append("{'TagKey':'t").append(i).append("','TagValue':'v'}");
        call("TagResource", "{'KeyId':'" + id + "','Tags':" + fifty + "]}");
        // replacing an existing tag is fine at the limit, a 51st is not
        call("TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'t0','TagValue':'new'}]}");
        error("LimitExceededException", "TagResource", "{'KeyId':'" + id + "','Tags':[{'TagKey':'t50','TagValue':'v'}]}");
        // more than 50 tags in one request is a TagException, before any key is looked at
        String tooMany = fifty + ",{'TagKey':'t50','TagValue':'v'}]";
        assertThat(error("TagException", "CreateKey", "{'Tags':" + tooMany + "}")).isEqualTo("Too many tags");
        assertThat(error("TagException", "TagResource", "{'KeyId':'" + keyArn("00000000-0000-4000-8000-000000000000")
                + "','Tags':" + tooMany + "}")).isEqualTo("Too many tags");
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

    @Test
    void listAliasesPagesFiftyByDefaultAndAtMostAHundred() {
        String[] keys = {createKey(), createKey(), createKey()};
        for (int i = 0; i < 101; i++)
            call("CreateAlias", "{'AliasName':'alias/n" + (1000 + i) + "','TargetKeyId':'" + keys[i / 50] + "'}");
        JsonNode first = call("ListAliases", "{}");
        assertThat(first.get("Aliases")).hasSize(50);
        assertThat(first.get("Truncated").asBoolean()).isTrue();
        // the model accepts a Limit up to 1000; ListAliases returns at most 100
        JsonNode capped = call("ListAliases", "{'Limit':1000}");
        assertThat(capped.get("Aliases")).hasSize(100);
        assertThat(capped.get("Truncated").asBoolean()).isTrue();
        assertThat(aliasNames(call("ListAliases", "{'Limit':1000,'Marker':'" + capped.get("NextMarker").asText() + "'}")))
                .containsExactly("alias/n1100");
        error("ValidationException", "ListAliases", "{'Limit':1001}");
        // a marker is checked once the request is valid, and before the key is looked up
        error("InvalidMarkerException", "ListAliases", "{'KeyId':'alias/none','Marker':'bm90IG91cnM'}");
    }
}
