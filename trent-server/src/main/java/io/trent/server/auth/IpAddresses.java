package io.trent.server.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP address literals, checked without ever resolving a name. */
final class IpAddresses {
    private IpAddresses() {}

    static boolean isLiteral(String s) {
        if (s.isEmpty() || s.length() > 45) return false;
        return s.indexOf(':') >= 0 ? isIpv6(s) : isIpv4(s);
    }

    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) return false;
            for (int i = 0; i < p.length(); i++) if (p.charAt(i) < '0' || p.charAt(i) > '9') return false;
            if (Integer.parseInt(p) > 255) return false;
        }
        return true;
    }

    private static boolean isIpv6(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') return false;
        }
        try {
            // With only hex digits, colons and dots this is parsed as a literal; no name lookup happens.
            InetAddress.getByName(s);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
