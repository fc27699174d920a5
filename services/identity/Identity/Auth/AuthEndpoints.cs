using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tripmate.Contracts.Identity;
using Tripmate.Identity.Store;
using Tripmate.Identity.Tokens;
using Tripmate.Identity.Users;
using Tripmate.Outbox.EntityFrameworkCore;

namespace Tripmate.Identity.Auth;

public static class AuthEndpoints
{
    private const string InvalidCredentials = "The e-mail or password is not correct.";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").AllowAnonymous().WithTags("Auth").ProducesValidationProblem();
        auth.MapPost("/register", RegisterAsync).WithName("Register").WithSummary("Create an account.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        auth.MapPost("/login", LoginAsync).WithName("Login")
            .WithSummary("Exchange e-mail and password for an access token and a refresh token.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/refresh", RefreshAsync).WithName("Refresh")
            .WithSummary("Exchange a refresh token for a new access token and the next refresh token (each refresh token works once).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", LogoutAsync).WithName("Logout")
            .WithSummary("End the sign-in the refresh token belongs to; its access tokens expire on their own within minutes.");
        return endpoints;
    }

    private static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, IdentityDbContext db, IPasswordHasher<User> hasher, CancellationToken cancellationToken)
    {
        var user = new User
        {
            Email = request.Email.Trim(),
            NormalizedEmail = User.Normalize(request.Email),
            DisplayName = request.DisplayName.Trim(),
            SearchName = User.Normalize(request.DisplayName),
        };
        user.PasswordHash = hasher.HashPassword(user, request.Password);
        db.Users.Add(user);
        db.AddEvent(new UserRegistered(user.Id, user.DisplayName, user.CreatedAt));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The unique index decides, so two sign-ups racing for one address cannot both win.
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "E-mail already registered", detail: "An account with this e-mail address already exists.");
        }

        return TypedResults.Created($"/api/users/{user.Id}", AccountResponse.From(user));
    }

    private static async Task<Results<Ok<AccessTokenResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, IdentityDbContext db, IPasswordHasher<User> hasher, TokenIssuer tokens, RefreshTokens refreshTokens,
        CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(request.Email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);

        // Hash even for an unknown address, so response time does not tell which addresses exist.
        var result = hasher.VerifyHashedPassword(user ?? UnknownUser, user?.PasswordHash ?? UnknownUserHash, request.Password);
        if (user is null || result == PasswordVerificationResult.Failed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: InvalidCredentials);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, request.Password);
        }

        var refreshToken = refreshTokens.Issue(user.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(tokens.Issue(user, refreshToken));
    }

    private static async Task<Results<Ok<AccessTokenResponse>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, IdentityDbContext db, TokenIssuer tokens, RefreshTokens refreshTokens, CancellationToken cancellationToken)
    {
        if (await refreshTokens.RotateAsync(request.RefreshToken, cancellationToken) is not var (user, next))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Refresh failed",
                detail: "The refresh token is unknown, expired, revoked or already used. Sign in again.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(tokens.Issue(user, next));
    }

    /// <summary>Always 204: whether the token existed is nobody's business, and logging out twice is fine.</summary>
    private static async Task<NoContent> LogoutAsync(RefreshRequest request, RefreshTokens refreshTokens, CancellationToken cancellationToken)
    {
        await refreshTokens.RevokeAsync(request.RefreshToken, cancellationToken);
        return TypedResults.NoContent();
    }

    private static readonly User UnknownUser = new() { Email = "", NormalizedEmail = "", DisplayName = "", SearchName = "" };

    private static readonly string UnknownUserHash = new PasswordHasher<User>().HashPassword(UnknownUser, Guid.NewGuid().ToString());
}
