/**
 * The exact least-privilege analyzer: a decision procedure for questions such as "is there a request that policy A
 * allows and policy B does not?", and the analyses of {@code trent analyze} and the semantic lint checks built on it.
 *
 * <h2>Model</h2>
 * A request is a caller, one KMS action and a value (or absence) for each condition key the policies mention. The
 * request space is finite-dimensional and every dimension is partitioned into <em>atoms</em> such that every
 * condition is a union of atoms ({@link io.trent.analyzer.symbolic.Space}):
 * <ul>
 *   <li>strings, StringLike/ArnLike patterns and case-insensitive values are automata (dk.brics), partitioned by
 *       refinement ({@link io.trent.analyzer.symbolic.StringAtoms});</li>
 *   <li>numbers, dates and IP addresses are integer intervals ({@link io.trent.analyzer.symbolic.IntervalAtoms});</li>
 *   <li>Booleans and key presence are finite;</li>
 *   <li>multi-valued keys ({@code kms:EncryptionContextKeys}, {@code kms:GrantOperations}, {@code aws:TagKeys} ...)
 *       are sets of atoms, which decides ForAnyValue/ForAllValues exactly;</li>
 *   <li>callers are cells of kind, account, name and session ({@link io.trent.analyzer.symbolic.PrincipalSpace}),
 *       fine enough for every principal entry and every condition on aws:PrincipalArn, kms:CallerAccount ... (ARN
 *       languages are decomposed over the parts of the caller's ARN).</li>
 * </ul>
 * Dependencies between keys are constraints ({@code Space#constraints}): kms:CallerAccount and aws:PrincipalAccount
 * follow the caller; aws:SourceArn/aws:SourceAccount exist only for service callers; kms:ViaService only for IAM
 * callers, with aws:ViaAWSService and kms:GrantIsForAWSResource following it; kms:EncryptionContextKeys (aws:TagKeys)
 * is the key set of the encryption context (request tags); operation keys exist only on their operations, with the
 * engine's defaults; a caller of another account reaches only cross-account operations.
 *
 * <p>Statements compile to {@link io.trent.analyzer.symbolic.Formula formulas} over literals on these dimensions;
 * questions are decided by a three-valued DPLL search ({@link io.trent.analyzer.symbolic.Solver}). A solution is
 * turned into a conformance case ({@link io.trent.analyzer.symbolic.Witness}) and replayed through the engine's
 * simulator before it is shown; a disagreement throws {@link io.trent.analyzer.symbolic.DisagreementException}.
 *
 * <h2>Access levels</h2>
 * A key policy gives a request one of four levels (section 5.2 of the reference): none; delegated (needs an
 * identity-policy Allow, a boundary and session policy that allow); through a role principal (needs the boundary
 * and session policy only); full (needs nothing else: the root user, a service, a principal named directly or "*" in
 * the key's account). "New access" is a request whose level rises: it is allowed in some identity-side world where it
 * was not. In the lint catalog's model ({@link io.trent.analyzer.symbolic.Mode#catalog()}) there are two levels:
 * delegated (account principals) and direct (every other principal).
 *
 * <h2>Exact fragment and its assumptions</h2>
 * Answers are exact for requests whose strings are well-formed UTF-16, whose times are whole seconds between
 * 1970-01-01T02:46:40Z and 9999-12-31T23:59:59Z (the engine reads aws:CurrentTime at second precision), whose
 * numbers are integers of at most 18 digits, whose caller is in the key's partition, whose key spec, usage and origin
 * are real KMS values (usage compatible with spec), and in which map keys that differ only in case (encryption
 * context, tags) carry one value (the engine's case-insensitive lookup then sees exactly that value). UNKNOWN is
 * answered, never a guess, for: policy variables other than the escapes {@code ${*}}, {@code ${?}}, {@code ${$}};
 * aws:userid; aws:CalledVia, aws:CalledViaFirst, aws:CalledViaLast; kms:ReEncryptOnSameKey;
 * kms:RecipientAttestation:*; aws:ResourceTag/* and kms:ResourceAliases; BinaryEquals; operators that do not fit the
 * key's type; case-insensitive comparisons and map keys beyond Latin-1; and request spaces too large to build.
 * RetireGrant (decided by grants, not by key-policy Allows) and SynchronizeMultiRegionKey (no operation) are outside
 * the analyzed actions.
 */
package io.trent.analyzer.symbolic;
