namespace Hwsim.Nn.Training;

internal static class LossShapes
{
    public static void Check(Batch output, Batch target)
    {
        if (output.Length != target.Length || output.Size != target.Size || output.Features != target.Features)
            throw new ArgumentException(
                $"output ({output.Length} steps x {output.Size} samples x {output.Features}) and target " +
                $"({target.Length} x {target.Size} x {target.Features}) differ in shape");
    }
}
