using Tripmate.Cql.Protocol;
using Tripmate.Cql.Tests.Oracle;

namespace Tripmate.Cql.Tests.Codec;

/// <summary>Every error code maps to its own exception type, and which ones are safe to retry is explicit.</summary>
public sealed class RetryGuidanceTests
{
    public static TheoryData<CqlErrorCode, Type, bool> Codes => new()
    {
        { CqlErrorCode.ServerError, typeof(ServerErrorException), false },
        { CqlErrorCode.ProtocolError, typeof(ProtocolErrorException), false },
        { CqlErrorCode.AuthenticationError, typeof(AuthenticationErrorException), false },
        { CqlErrorCode.Unavailable, typeof(UnavailableException), true },
        { CqlErrorCode.Overloaded, typeof(OverloadedException), true },
        { CqlErrorCode.IsBootstrapping, typeof(IsBootstrappingException), true },
        { CqlErrorCode.TruncateError, typeof(TruncateErrorException), false },
        { CqlErrorCode.WriteTimeout, typeof(WriteTimeoutException), false },
        { CqlErrorCode.ReadTimeout, typeof(ReadTimeoutException), true },
        { CqlErrorCode.ReadFailure, typeof(ReadFailureException), false },
        { CqlErrorCode.FunctionFailure, typeof(FunctionFailureException), false },
        { CqlErrorCode.WriteFailure, typeof(WriteFailureException), false },
        { CqlErrorCode.SyntaxError, typeof(SyntaxErrorException), false },
        { CqlErrorCode.Unauthorized, typeof(UnauthorizedException), false },
        { CqlErrorCode.Invalid, typeof(InvalidQueryException), false },
        { CqlErrorCode.ConfigError, typeof(ConfigErrorException), false },
        { CqlErrorCode.AlreadyExists, typeof(AlreadyExistsException), false },
        { CqlErrorCode.Unprepared, typeof(UnpreparedException), true },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Error_code_maps_to_its_typed_exception_with_explicit_retry_guidance(CqlErrorCode code, Type exceptionType, bool retryable)
    {
        var frame = ResponseCases.All().First(c => c.Frame[4] == 0x00 && System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(c.Frame.AsSpan(9)) == (int)code).Frame;

        var error = ((ErrorMessage)ResponseReader.Read(FrameHeader.Read(frame), frame.AsSpan(9))).Error;

        Assert.IsType(exceptionType, error);
        Assert.Equal(code, error.Code);
        Assert.Equal(retryable, error.IsRetryable);
    }

    [Fact]
    public void An_error_code_from_a_newer_server_keeps_its_code_and_message()
    {
        var frame = new SpecFrameWriter().Int(0x7777).String("future").Frame(0x00);

        var error = ((ErrorMessage)ResponseReader.Read(FrameHeader.Read(frame), frame.AsSpan(9))).Error;

        Assert.Equal(((CqlErrorCode)0x7777, "future", false), (error.Code, error.Message, error.IsRetryable));
    }

    [Fact]
    public void Connection_loss_is_retryable_only_when_the_request_was_never_sent()
    {
        Assert.True(new CqlConnectionException("x", requestWasSent: false).IsRetryable);
        Assert.False(new CqlConnectionException("x", requestWasSent: true).IsRetryable);
    }
}
