using System.Buffers;
using Tripmate.Cql.Protocol;

namespace Tripmate.Cql.Connections;

/// <summary>A complete response frame; <see cref="TooLarge"/> frames have no body (it was skipped).</summary>
internal readonly ref struct SplitFrame(FrameHeader header, ReadOnlySpan<byte> body, bool tooLarge)
{
    public FrameHeader Header { get; } = header;
    public ReadOnlySpan<byte> Body { get; } = body;
    public bool TooLarge { get; } = tooLarge;
}

/// <summary>
/// Cuts the incoming byte stream into frames. Oversized bodies are skipped as they stream in
/// instead of being buffered, so a hostile length cannot make the client allocate it.
/// </summary>
internal sealed class FrameSplitter(int maxBodyBytes)
{
    private long _bytesToSkip;
    private byte[] _copy = [];

    public bool TryRead(ref ReadOnlySequence<byte> buffer, out SplitFrame frame)
    {
        frame = default;
        if (_bytesToSkip > 0)
        {
            var skipped = Math.Min(_bytesToSkip, buffer.Length);
            buffer = buffer.Slice(skipped);
            _bytesToSkip -= skipped;
            if (_bytesToSkip > 0) return false;
        }
        if (buffer.Length < FrameHeader.Size) return false;

        Span<byte> headerBytes = stackalloc byte[FrameHeader.Size];
        buffer.Slice(0, FrameHeader.Size).CopyTo(headerBytes);
        var header = FrameHeader.Read(headerBytes);
        if (header.Version != FrameHeader.ResponseVersion)
            throw new CqlResponseFormatException($"Unexpected frame version 0x{header.Version:X2}; only protocol v4 responses (0x84) are accepted.");
        if (header.BodyLength < 0)
            throw new CqlResponseFormatException($"Negative frame length {header.BodyLength}.");

        if (header.BodyLength > maxBodyBytes)
        {
            buffer = buffer.Slice(FrameHeader.Size);
            _bytesToSkip = header.BodyLength;
            var skipped = Math.Min(_bytesToSkip, buffer.Length);
            buffer = buffer.Slice(skipped);
            _bytesToSkip -= skipped;
            frame = new SplitFrame(header, default, tooLarge: true);
            return true;
        }

        if (buffer.Length < FrameHeader.Size + (long)header.BodyLength) return false;
        var body = buffer.Slice(FrameHeader.Size, header.BodyLength);
        buffer = buffer.Slice(body.End);
        frame = new SplitFrame(header, Contiguous(body), tooLarge: false);
        return true;
    }

    // The reader loop decodes one frame at a time, so a single reusable copy buffer suffices.
    private ReadOnlySpan<byte> Contiguous(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment) return body.FirstSpan;
        var length = (int)body.Length;
        if (_copy.Length < length)
        {
            if (_copy.Length > 0) ArrayPool<byte>.Shared.Return(_copy);
            _copy = ArrayPool<byte>.Shared.Rent(length);
        }
        body.CopyTo(_copy);
        return _copy.AsSpan(0, length);
    }
}
