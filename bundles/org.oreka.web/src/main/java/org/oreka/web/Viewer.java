package org.oreka.web;

/**
 * The user logged in to OrkWeb, as of the current request (its administrator flag is re-read from the database
 * at each request, so revoking it takes effect at once).
 *
 * @param loginString the login string the user logged in with
 * @param userId the user's id ({@code orkuser.id})
 * @param admin whether the user administers OrkWeb
 * @param displayName first and last name, or the login string when the user has none
 */
public record Viewer(String loginString, long userId, boolean admin, String displayName) {
}
