package io.trent.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * One policy value of a condition compiled for its operator family. {@link #test} compares one request value with it
 * using the positive form of the operator (negation and set logic live in {@link ConditionMatcher}).
 */
sealed interface ValueTest {
    int MATCH = 1, NO_MATCH = 0, INCOMPARABLE = -1;

    /** MATCH, NO_MATCH, or INCOMPARABLE when a comparison is impossible (false for positive and negated forms). */
    int test(String request, RequestContext ctx);

    /** Compiles {@code raw}; a value the family cannot read (only in hand-built policies) never compares. */
    static ValueTest of(ConditionOperator op, String raw, boolean variables) {
        try {
            return switch (op.family()) {
                case STRING -> switch (op) {
                    case STRING_LIKE, STRING_NOT_LIKE -> new Like(Template.parse(raw, variables));
                    case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> new EqualsIgnoreCase(Template.parse(raw, variables));
                    default -> new Equals(Template.parse(raw, variables));
                };
                case ARN -> new Arn(ArnPattern.of(Template.parse(raw, variables)));
                case BOOL -> new Bool(Template.parse(raw, variables));
                case NUMERIC -> {
                    BigDecimal v = Decimals.parse(raw);
                    yield v == null ? Never.INSTANCE : new Numeric(Order.of(op), v);
                }
                case DATE -> {
                    Instant v = Dates.parse(raw);
                    yield v == null ? Never.INSTANCE : new Date(Order.of(op), v);
                }
                case IP -> {
                    IpRange v = IpRange.parse(raw);
                    yield v == null ? Never.INSTANCE : new Ip(v);
                }
                case BINARY -> new Binary(Base64.getDecoder().decode(raw));
                case NULL -> Never.INSTANCE;
            };
        } catch (IllegalArgumentException e) {
            return Never.INSTANCE;
        }
    }

    /** How a request value must relate to the policy value (request OP policy). */
    enum Order {
        EQ, LT, LE, GT, GE;

        static Order of(ConditionOperator op) {
            return switch (op) {
                case NUMERIC_LESS_THAN, DATE_LESS_THAN -> LT;
                case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> LE;
                case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> GT;
                case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> GE;
                default -> EQ;
            };
        }

        int holds(int cmp) {
            boolean r = switch (this) {
                case EQ -> cmp == 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
            return r ? MATCH : NO_MATCH;
        }
    }

    private static int of(boolean match) {
        return match ? MATCH : NO_MATCH;
    }

    final class Never implements ValueTest {
        static final Never INSTANCE = new Never();

        public int test(String request, RequestContext ctx) {
            return INCOMPARABLE;
        }
    }

    final class Equals implements ValueTest {
        private final Template template;
        private final String constant;

        Equals(Template t) {
            this.template = t;
            this.constant = t.hasVariables() ? null : t.constantText();
        }

        public int test(String request, RequestContext ctx) {
            String v = constant != null ? constant : template.resolveText(ctx);
            return of(v != null && v.equals(request));
        }
    }

    /** Case folding with Locale.ROOT lower case; ASCII request values are folded without allocating. */
    final class EqualsIgnoreCase implements ValueTest {
        private final Template template;
        private final String constant;

        EqualsIgnoreCase(Template t) {
            this.template = t;
            this.constant = t.hasVariables() ? null : t.constantText().toLowerCase(Locale.ROOT);
        }

        public int test(String request, RequestContext ctx) {
            String folded = constant;
            if (folded == null) {
                String v = template.resolveText(ctx);
                if (v == null) return NO_MATCH;
                folded = v.toLowerCase(Locale.ROOT);
            }
            return of(equalsFolded(request, folded));
        }

        private static boolean equalsFolded(String request, String folded) {
            int n = request.length();
            for (int i = 0; i < n; i++) {
                if (request.charAt(i) >= 128) return request.toLowerCase(Locale.ROOT).equals(folded);
            }
            if (n != folded.length()) return false;
            for (int i = 0; i < n; i++) {
                char c = request.charAt(i);
                if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != folded.charAt(i)) return false;
            }
            return true;
        }
    }

    final class Like implements ValueTest {
        private final Template template;
        private final Glob constant;

        Like(Template t) {
            this.template = t;
            this.constant = t.hasVariables() ? null : Glob.of(t.constantTokens(), false);
        }

        public int test(String request, RequestContext ctx) {
            if (constant != null) return of(constant.matches(request));
            int[] tokens = template.resolveTokens(ctx);
            return of(tokens != null && Glob.once(tokens, false).matches(request));
        }
    }

    final class Arn implements ValueTest {
        private final ArnPattern pattern;

        Arn(ArnPattern pattern) {
            this.pattern = pattern;
        }

        public int test(String request, RequestContext ctx) {
            return of(pattern.matches(request, ctx));
        }
    }

    final class Bool implements ValueTest {
        private final Template template;
        private final String constant;

        Bool(Template t) {
            this.template = t;
            this.constant = t.hasVariables() ? null : t.constantText();
        }

        public int test(String request, RequestContext ctx) {
            String v = constant != null ? constant : template.resolveText(ctx);
            return of(v != null && v.equalsIgnoreCase(request));
        }
    }

    final class Numeric implements ValueTest {
        private final Order order;
        private final BigDecimal value;
        /** The value as a long when it is an integer of at most 18 digits, else {@link Decimals#NOT_LONG}. */
        private final long longValue;

        Numeric(Order order, BigDecimal value) {
            this.order = order;
            this.value = value;
            BigDecimal stripped = value.stripTrailingZeros();
            this.longValue = stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18
                    ? stripped.longValueExact() : Decimals.NOT_LONG;
        }

        public int test(String request, RequestContext ctx) {
            long r = Decimals.parseLong(request);
            if (r != Decimals.NOT_LONG && longValue != Decimals.NOT_LONG) return order.holds(Long.compare(r, longValue));
            BigDecimal big = r != Decimals.NOT_LONG ? BigDecimal.valueOf(r) : Decimals.parse(request);
            return big == null ? INCOMPARABLE : order.holds(big.compareTo(value));
        }
    }

    final class Date implements ValueTest {
        private final Order order;
        private final Instant value;

        Date(Order order, Instant value) {
            this.order = order;
            this.value = value;
        }

        public int test(String request, RequestContext ctx) {
            Instant r = Dates.parse(request);
            return r == null ? INCOMPARABLE : order.holds(r.compareTo(value));
        }
    }

    final class Ip implements ValueTest {
        private final IpRange range;

        Ip(IpRange range) {
            this.range = range;
        }

        public int test(String request, RequestContext ctx) {
            return of(range.contains(request));
        }
    }

    /** No KMS condition key is binary: this matches only a request value whose base64 decoding equals the bytes. */
    final class Binary implements ValueTest {
        private final byte[] bytes;

        Binary(byte[] bytes) {
            this.bytes = bytes;
        }

        public int test(String request, RequestContext ctx) {
            try {
                return of(Arrays.equals(bytes, Base64.getDecoder().decode(request)));
            } catch (IllegalArgumentException e) {
                return NO_MATCH;
            }
        }
    }
}
