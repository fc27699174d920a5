using System.Security.Cryptography;

namespace Tripmate.Files.Tests.Infrastructure;

/// <summary>
/// A large "image" made on the fly (PNG signature, then pseudo-random bytes) and hashed as it is
/// read, so the test itself never holds the file: what is measured is the service's memory alone.
/// Not seekable, so HttpClient sends it chunked, without a Content-Length.
/// </summary>
public sealed class GeneratedContent(long length, int seed) : Stream
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly Random _random = new(seed);
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;

    /// <summary>The SHA-256 of everything read, once the stream was read to its end.</summary>
    public string? Sha256 { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        var span = buffer.AsSpan(offset, n);
        _random.NextBytes(span);
        for (var i = 0; i < n && _position + i < Signature.Length; i++)
        {
            span[i] = Signature[_position + i];
        }

        _sha256.AppendData(span);
        _position += n;
        if (_position == length && Sha256 is null)
        {
            Sha256 = Convert.ToHexStringLower(_sha256.GetCurrentHash()); // kept: HttpClient disposes the stream once sent
        }

        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha256.Dispose();
        }

        base.Dispose(disposing);
    }
}
