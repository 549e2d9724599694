package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * ListKeyRotations: the completed rotations, oldest first, or with IncludeKeyMaterial ALL_KEY_MATERIAL every material
 * version including the first. The marker holds the last material version listed.
 */
final class ListKeyRotationsHandler implements Operation {
    private static final List<String> INCLUDE = List.of("ALL_KEY_MATERIAL", "ROTATIONS_ONLY");
    private static final int DEFAULT_LIMIT = 100, MAX_LIMIT = 1000;

    @Override
    public JsonNode run(Call call, Kms kms) {
        Params p = call.params();
        String keyId = p.keyId("KeyId", true);
        String include = p.enumValue("IncludeKeyMaterial", INCLUDE, false);
        Paging.Request pagingRequest = Paging.read(p, 1, DEFAULT_LIMIT, MAX_LIMIT);
        p.validate();
        Paging paging = pagingRequest.open();
        int afterVersion = afterVersion(paging);
        boolean all = "ALL_KEY_MATERIAL".equals(include);
        LoadedKey key = kms.authorizedKey(call, keyId);
        KeyRecord k = key.record();
        Rotation.requireRotatable(k, call.operation());
        List<KeyMaterial> materials = kms.store.read(r -> r.materials(k.arn()));
        int current = materials.size();
        ArrayNode rotations = Json.array();
        int last = afterVersion;
        boolean truncated = false;
        for (KeyMaterial m : materials) {
            if (m.version() <= afterVersion || (!all && m.rotationType() == null)) continue;
            if (rotations.size() == paging.limit()) {
                truncated = true;
                break;
            }
            ObjectNode e = rotations.addObject().put("KeyId", k.arn())
                    .put("KeyMaterialId", KeyMaterial.id(k.arn(), m.version()))
                    .put("KeyMaterialState", m.version() == current ? "CURRENT" : "NON_CURRENT");
            if (m.rotationType() != null)
                e.put("RotationType", m.rotationType().name()).set("RotationDate", Json.timestamp(m.rotationDate()));
            last = m.version();
        }
        ObjectNode out = Json.object().set("Rotations", rotations);
        Paging.finish(out, truncated, Integer.toString(last));
        return out;
    }

    private static int afterVersion(Paging paging) {
        String after = paging.after(0);
        if (after == null) return 0;
        try {
            int v = Integer.parseInt(after);
            if (v < 1) throw Paging.invalid();
            return v;
        } catch (NumberFormatException e) {
            throw Paging.invalid();
        }
    }
}
