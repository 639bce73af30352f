package fr.thdtracker.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Counts failed sign-ins per user name and per client address, and locks either out for a while
 * once it has failed too often within the window. Counters live in memory (bounded Caffeine caches
 * that expire on their own): a restart forgets them, which is acceptable for a single instance.
 * A lock-out by user name lets anyone lock a known account out for {@code lock} — the price of
 * stopping password guessing spread over many addresses.
 */
@Component
class LoginThrottle {

    /** What a failure led to: nothing yet, or a lock-out of the user name and/or the address. */
    record Outcome(boolean userLocked, boolean addressLocked) {
    }

    private static final int MAX_KEYS = 100_000;

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration lock;
    private final Ticker ticker;
    private final Cache<String, Integer> userFailures;
    private final Cache<String, Integer> addressFailures;
    /** key → ticker time (ns) when the lock ends; entries expire with the lock */
    private final Cache<String, Long> locks;

    @Autowired
    LoginThrottle(@Value("${thd.security.login.max-failures-per-user:5}") int maxPerUser,
                  @Value("${thd.security.login.max-failures-per-address:20}") int maxPerAddress,
                  @Value("${thd.security.login.window:15m}") Duration window,
                  @Value("${thd.security.login.lock:15m}") Duration lock) {
        this(maxPerUser, maxPerAddress, window, lock, Ticker.systemTicker());
    }

    LoginThrottle(int maxPerUser, int maxPerAddress, Duration window, Duration lock, Ticker ticker) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.lock = lock;
        this.ticker = ticker;
        this.userFailures = counters(window, ticker);
        this.addressFailures = counters(window, ticker);
        this.locks = Caffeine.newBuilder().maximumSize(MAX_KEYS).ticker(ticker).expireAfterWrite(lock).build();
    }

    /** How long until the user name or the address may try again; empty when neither is locked. */
    Optional<Duration> lockedFor(String username, String address) {
        long now = ticker.read();
        long until = Math.max(lockEnd(userKey(username)), lockEnd(addressKey(address)));
        return until > now ? Optional.of(Duration.ofNanos(until - now)) : Optional.empty();
    }

    Outcome failed(String username, String address) {
        boolean userLocked = username != null && count(userFailures, userKey(username)) >= maxPerUser;
        boolean addressLocked = address != null && count(addressFailures, addressKey(address)) >= maxPerAddress;
        if (userLocked) {
            lock(userFailures, userKey(username));
        }
        if (addressLocked) {
            lock(addressFailures, addressKey(address));
        }
        return new Outcome(userLocked, addressLocked);
    }

    /** A success proves the password is known: the user's count starts again (not the address's). */
    void succeeded(String username) {
        if (username != null) {
            userFailures.invalidate(userKey(username));
        }
    }

    Duration lockDuration() {
        return lock;
    }

    private void lock(Cache<String, Integer> counters, String key) {
        counters.invalidate(key);
        locks.put(key, ticker.read() + lock.toNanos());
    }

    private long lockEnd(String key) {
        if (key == null) {
            return Long.MIN_VALUE;
        }
        Long end = locks.getIfPresent(key);
        return end == null ? Long.MIN_VALUE : end;
    }

    private static int count(Cache<String, Integer> counters, String key) {
        return counters.asMap().merge(key, 1, Integer::sum);
    }

    // user names are case-insensitive here so "Admin" and "admin" share one counter
    private static String userKey(String username) {
        return username == null ? null : "u:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null ? null : "a:" + address;
    }

    /** The window runs from the first failure: later failures do not extend it. */
    private static Cache<String, Integer> counters(Duration window, Ticker ticker) {
        return Caffeine.newBuilder().maximumSize(MAX_KEYS).ticker(ticker)
                .expireAfter(new Expiry<String, Integer>() {
                    @Override
                    public long expireAfterCreate(String key, Integer value, long currentTime) {
                        return window.toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Integer value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }

                    @Override
                    public long expireAfterRead(String key, Integer value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }
}
