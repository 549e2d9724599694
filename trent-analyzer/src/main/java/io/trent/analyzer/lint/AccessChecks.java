package io.trent.analyzer.lint;

import io.trent.analyzer.lint.LintPolicy.Cond;
import io.trent.analyzer.lint.LintPolicy.Entry;
import io.trent.analyzer.lint.LintPolicy.PrincipalClass;
import io.trent.analyzer.lint.LintPolicy.Stmt;
import io.trent.policy.ConditionOperator;
import io.trent.policy.catalog.ConditionKeys;
import io.trent.policy.catalog.KmsAction;
import io.trent.policy.catalog.KmsActions;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Who gets access: checks 25 to 28 and 31 to 34, and the identity-mode broad-decrypt finding (section 5). */
final class AccessChecks {
    private static final List<String> SOURCE_BINDING_KEYS = List.of("aws:SourceArn", "aws:SourceAccount",
            "aws:SourceOrgID", "aws:SourceOrgPaths");
    private static final Set<KmsAction> KEY_USE_FOR_EVERY_KEY = EnumSet.of(KmsAction.DECRYPT,
            KmsAction.RE_ENCRYPT_FROM, KmsAction.CREATE_GRANT);

    private AccessChecks() {}

    static void run(Stmt s, LintContext ctx) {
        if (!s.allow()) return;
        if (s.notAction() != null) {
            ctx.out().add(LintCode.ALLOW_WITH_NOT_ACTION, s.index(), s.notAction().path(), "Allow with NotAction "
                    + "grants every other action, including actions KMS adds later. List the allowed actions instead.");
        }
        if (ctx.keyPolicy()) {
            servicePrincipals(s, ctx);
            sourceConditionOnNonService(s, ctx);
            if (s.notPrincipal() != null) {
                ctx.out().add(LintCode.ALLOW_WITH_NOT_PRINCIPAL, s.index(), s.notPrincipal().path(), "Allow with "
                        + "NotPrincipal grants everyone not listed, other accounts and anonymous callers included. "
                        + "Name the intended principals with Principal.");
            }
            kmsStar(s, ctx);
            createGrant(s, ctx);
        } else {
            broadKeyUse(s, ctx);
        }
    }

    /** Checks 25, 26, 27. */
    private static void servicePrincipals(Stmt s, LintContext ctx) {
        if (!s.hasPrincipal(PrincipalClass.SERVICE)) return;
        List<Cond> binding = s.conditions().stream().filter(c -> c.positive()
                && SOURCE_BINDING_KEYS.stream().anyMatch(c::on)
                && !c.values().isEmpty() && !c.values().stream().allMatch(v -> v.text().equals("*"))).toList();
        if (binding.isEmpty()) {
            ctx.out().add(LintCode.SERVICE_PRINCIPAL_WITHOUT_SOURCE_CONDITION, s.index(), s.principal().path(),
                    "The service principal may use the key for any resource of any customer (confused deputy). "
                            + "Add a condition on aws:SourceArn (ArnEquals/ArnLike) or aws:SourceAccount.");
        } else if (binding.stream().noneMatch(c -> c.on("aws:SourceArn"))) {
            ctx.out().add(LintCode.SERVICE_PRINCIPAL_SOURCE_ACCOUNT_ONLY, s.index(), binding.get(0).path(),
                    "The service is bound to a source account or organization only; when the resource is known, "
                            + "bind it with aws:SourceArn (ArnEquals/ArnLike) instead.");
        }
        if (!Collections.disjoint(s.actionSet(), KmsActions.EC_OPS)
                && s.condition(c -> c.info() != null && c.info().encryptionContext()).isEmpty()) {
            ctx.out().add(LintCode.SERVICE_PRINCIPAL_WITHOUT_ENCRYPTION_CONTEXT, s.index(), s.principal().path(),
                    "The service may use the key with any encryption context. Add a kms:EncryptionContext:<key> "
                            + "condition with the context the service uses for your resource.");
        }
    }

    /** Check 28. */
    private static void sourceConditionOnNonService(Stmt s, LintContext ctx) {
        if (!s.onlyAccountOrIamPrincipals()) return;
        s.condition(c -> c.positive() && (c.on("aws:SourceArn") || c.on("aws:SourceAccount"))).ifPresent(c ->
                ctx.out().add(LintCode.SOURCE_CONDITION_ON_NON_SERVICE_PRINCIPAL, s.index(), c.path(), c.key()
                        + " is only present when a service principal calls KMS, and this statement names none, so "
                        + "it never matches. Use kms:CallerAccount or kms:ViaService instead."));
    }

    /** Check 33. */
    private static void kmsStar(Stmt s, LintContext ctx) {
        boolean beyondAccounts = s.notPrincipal() != null || s.hasPrincipal(PrincipalClass.EVERYONE)
                || s.hasPrincipal(PrincipalClass.IAM) || s.hasPrincipal(PrincipalClass.SERVICE);
        if (!beyondAccounts) return;
        for (Entry e : s.actionEntries()) {
            if (e.text().equals("*") || e.text().equalsIgnoreCase("kms:*")) {
                ctx.out().add(LintCode.KMS_STAR_TO_NON_ROOT_PRINCIPAL, s.index(), e.path(), "\"" + e.text() + "\" "
                        + "grants every KMS action, key deletion and policy changes included, to a principal other "
                        + "than an account. List the actions this principal needs.");
            }
        }
    }

    /** Check 34. */
    private static void createGrant(Stmt s, LintContext ctx) {
        if (!s.grantsEveryone() && !s.hasPrincipal(PrincipalClass.IAM)) return;
        boolean constrained = s.condition(c -> c.positive() && (c.on(ConditionKeys.VIA_SERVICE)
                || c.on("kms:GranteePrincipal")
                || (c.on("kms:GrantIsForAWSResource") && c.operator().base() == ConditionOperator.BOOL
                && !c.values().isEmpty() && c.values().stream().allMatch(v -> v.text().equalsIgnoreCase("true")))))
                .isPresent();
        if (constrained) return;
        for (Entry e : s.actionEntries()) {
            if (e.text().equalsIgnoreCase("kms:CreateGrant")) {
                ctx.out().add(LintCode.CREATE_GRANT_WITHOUT_SERVICE_CONSTRAINT, s.index(), e.path(), "The principal "
                        + "may grant any identity the use of this key, outside any AWS service. Add "
                        + "{\"Bool\": {\"kms:GrantIsForAWSResource\": \"true\"}}, or restrict kms:ViaService or "
                        + "kms:GranteePrincipal.");
            }
        }
    }

    /**
     * Identity mode: Decrypt, ReEncryptFrom or CreateGrant on every key, unscoped, makes every key whose policy
     * delegates to IAM usable by this identity. Reported as ACCOUNT_WIDE_SENSITIVE_ACCESS, which it is for IAM.
     */
    private static void broadKeyUse(Stmt s, LintContext ctx) {
        if (s.resource() == null || s.resource().entries().stream().noneMatch(e -> e.text().equals("*"))) return;
        if (Collections.disjoint(s.actionSet(), KEY_USE_FOR_EVERY_KEY)) return;
        boolean scoped = s.condition(c -> c.on(ConditionKeys.VIA_SERVICE) || c.on("kms:ResourceAliases")
                || (c.info() != null && c.info().encryptionContext())
                || c.key().toLowerCase(Locale.ROOT).startsWith("aws:resourcetag/")).isPresent();
        if (scoped) return;
        ctx.out().add(LintCode.ACCOUNT_WIDE_SENSITIVE_ACCESS, s.index(), s.resource().path(), "Decrypt, "
                + "ReEncryptFrom or CreateGrant on \"Resource\": \"*\" lets this identity use every key whose policy "
                + "delegates to IAM. Name the keys, or add a kms:ViaService, kms:EncryptionContext:*, "
                + "kms:ResourceAliases or aws:ResourceTag condition.");
    }
}
