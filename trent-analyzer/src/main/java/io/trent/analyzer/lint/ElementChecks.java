package io.trent.analyzer.lint;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import io.trent.analyzer.lint.LintPolicy.ElementList;
import io.trent.analyzer.lint.LintPolicy.Entry;
import io.trent.analyzer.lint.LintPolicy.PrincipalClass;
import io.trent.analyzer.lint.LintPolicy.PrincipalRef;
import io.trent.analyzer.lint.LintPolicy.Principals;
import io.trent.analyzer.lint.LintPolicy.Stmt;
import io.trent.policy.catalog.KmsAction;
import io.trent.policy.catalog.KmsActions;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Checks on Principal, Action and Resource: 4 (in resources), 5, 6, 7, 8, 9 and the identity-mode resource rule. */
final class ElementChecks {
    private static final Automaton KMS = BasicAutomata.makeString("kms");
    private static final Automaton KEY_OR_ALIAS = BasicAutomata.makeString("key/")
            .union(BasicAutomata.makeString("alias/")).concatenate(BasicAutomata.makeAnyChar())
            .concatenate(BasicAutomata.makeAnyString());
    private static final List<String> ACTION_NAMES = Arrays.stream(KmsAction.values()).map(KmsAction::iamName).toList();

    private ElementChecks() {}

    static void run(Stmt s, LintContext ctx) {
        if (ctx.keyPolicy()) {
            invalidPrincipals(s, s.principal(), ctx);
            invalidPrincipals(s, s.notPrincipal(), ctx);
        }
        for (ElementList list : Stream.of(s.action(), s.notAction()).filter(l -> l != null).toList()) {
            for (Entry e : list.entries()) unknownAction(s, e, ctx);
        }
        if (s.action() != null) {
            for (Entry e : s.action().entries()) {
                if (!e.text().equals("*") && KmsActions.expand(e.text()).isEmpty()
                        && !KmsActions.service(e.text()).equals("kms")) {
                    ctx.out().add(LintCode.NON_KMS_ACTION_IN_KEY_POLICY, s.index(), e.path(), "\"" + e.text()
                            + "\" is not a KMS action; a key policy only ever authorizes KMS actions. Remove it and "
                            + "grant it in the policy of that service's resource or in an IAM policy.");
                }
            }
        }
        if (ctx.keyPolicy()) {
            iamOnlyActions(s, ctx);
            resourceNotStar(s, ctx);
        } else {
            identityResources(s, ctx);
        }
        if (ctx.variablesLiteral()) {
            Stream.of(s.resource(), s.notResource()).filter(l -> l != null).flatMap(l -> l.entries().stream())
                    .filter(e -> ValueSyntax.hasVariable(e.text()))
                    .forEach(e -> ctx.out().add(LintCode.POLICY_VARIABLE_WITHOUT_VERSION, s.index(), e.path(),
                            "\"" + e.text() + "\" uses a policy variable, but without \"Version\": \"2012-10-17\" it "
                                    + "is compared as literal text. Add the Version element."));
        }
    }

    private static void invalidPrincipals(Stmt s, Principals p, LintContext ctx) {
        if (p == null) return;
        for (PrincipalRef r : p.entries()) {
            if (r.cls() == PrincipalClass.INVALID) {
                ctx.out().add(LintCode.INVALID_PRINCIPAL, s.index(), r.path(),
                        "Invalid principal \"" + r.value() + "\": " + r.problem() + ".");
            }
        }
    }

    private static void unknownAction(Stmt s, Entry e, LintContext ctx) {
        if (!KmsActions.service(e.text()).equals("kms") || !KmsActions.expand(e.text()).isEmpty()) return;
        String hint;
        if (e.text().equalsIgnoreCase("kms:ReEncrypt")) {
            hint = "ReEncrypt is authorized as kms:ReEncryptFrom and kms:ReEncryptTo; list both, or kms:ReEncrypt*.";
        } else {
            hint = Spelling.closest(e.text(), ACTION_NAMES).map(c -> "Did you mean " + c + "?")
                    .orElse("Use a KMS action name such as kms:Decrypt.");
        }
        ctx.out().add(LintCode.UNKNOWN_ACTION, s.index(), e.path(),
                "\"" + e.text() + "\" matches no KMS action, so it grants or denies nothing. " + hint);
    }

    private static void iamOnlyActions(Stmt s, LintContext ctx) {
        for (Entry e : s.actionEntries()) {
            Set<KmsAction> expansion = KmsActions.expand(e.text());
            if (!expansion.isEmpty() && KmsActions.IAM_ONLY.containsAll(expansion)) {
                ctx.out().add(LintCode.IAM_ONLY_ACTION_IN_KEY_POLICY, s.index(), e.path(), "\"" + e.text()
                        + "\" is authorized only by IAM policies and has no effect in a key policy; grant it in an "
                        + "IAM policy and remove it here.");
            }
        }
    }

    private static void resourceNotStar(Stmt s, LintContext ctx) {
        if (s.notResource() != null) {
            ctx.out().add(LintCode.KEY_POLICY_RESOURCE_NOT_STAR, s.index(), s.notResource().path(), "NotResource "
                    + "in a key policy can only exclude this key itself; use \"Resource\": \"*\".");
        }
        ElementList r = s.resource();
        if (r != null && !(r.entries().size() == 1 && r.entries().get(0).text().equals("*"))) {
            ctx.out().add(LintCode.KEY_POLICY_RESOURCE_NOT_STAR, s.index(), r.path(), "In a key policy \"*\" means "
                    + "this key; any other Resource either repeats the key's ARN or matches nothing. Use \"*\".");
        }
    }

    /** Identity mode: Resource entries must be "*" or patterns that can match KMS key or alias ARNs. */
    private static void identityResources(Stmt s, LintContext ctx) {
        if (s.resource() == null || s.actionSet().isEmpty()) return;
        for (Entry e : s.resource().entries()) {
            if (!e.text().equals("*") && !kmsKeyOrAliasPattern(e.text())) {
                ctx.out().add(LintCode.MALFORMED_POLICY, s.index(), e.path(), "\"" + e.text() + "\" cannot match a "
                        + "KMS key or alias; use key ARNs (arn:aws:kms:REGION:ACCOUNT:key/KEY-ID), alias ARNs or \"*\".");
            }
        }
    }

    /**
     * True when the ARN pattern can match some {@code arn:<partition>:kms:<region>:<account>:key/...} or
     * {@code .../alias/...}: its service part matches "kms" and its resource part accepts a key or alias path. A
     * pattern with fewer than six parts that ends in {@code *} is padded with {@code *} parts (authorization.md 3.2).
     */
    private static boolean kmsKeyOrAliasPattern(String pattern) {
        String[] parts = pattern.split(":", 6);
        if (!parts[0].equals("arn") || (parts.length < 6 && !pattern.endsWith("*"))) return false;
        String service = parts.length > 2 ? parts[2] : "*";
        String resource = parts.length == 6 ? parts[5] : "*";
        return GlobAutomata.acceptsSome(service, KMS) && GlobAutomata.acceptsSome(resource, KEY_OR_ALIAS);
    }
}
