package io.tributary.app.marketing.oauth;

/**
 * An ad account a connected token can see.
 *
 * @param id       Meta ad account id (digits, no act_), Google customer id (10 digits), TikTok advertiser id
 * @param name     the platform's name for it, or null (Google lists ids only)
 * @param currency ISO 4217, or null when the platform's list does not say
 */
public record AdAccount(String id, String name, String currency) {
}
