namespace Hwsim.Nn.Data;

/// <summary>
/// A generated set of 8 x 8 grey images in four classes (deep-representation demo): 0 bar (a straight
/// horizontal or vertical line, 5 to 8 pixels long), 1 edge (a step: one side of the image bright), 2 corner
/// (an L of two arms of 4 or 5 pixels), 3 shape (a small square outline, filled square or plus sign). Drawn
/// pixels have intensity 0.7 to 1; every pixel gets Gaussian noise (sigma 0.05), clipped to [0, 1].
/// Rows are flattened row by row (index = 8 * row + column).
/// </summary>
public static class ShapeImages
{
    /// <summary>Image side.</summary>
    public const int Side = 8;

    /// <summary>The class names, by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } = ["bar", "edge", "corner", "shape"];

    /// <summary><paramref name="perClass"/> images of each class, shuffled, from <paramref name="seed"/>.</summary>
    public static (double[][] Images, int[] Labels) Generate(int perClass, ulong seed)
    {
        var rng = new Rng(seed);
        var images = new List<double[]>();
        var labels = new List<int>();
        for (int k = 0; k < perClass; k++)
            for (int label = 0; label < ClassNames.Count; label++)
            {
                var img = new double[Side * Side];
                double v = rng.Uniform(0.7, 1.0);
                switch (label)
                {
                    case 0: DrawBar(img, rng, v); break;
                    case 1: DrawEdge(img, rng, v); break;
                    case 2: DrawCorner(img, rng, v); break;
                    default: DrawShape(img, rng, v); break;
                }
                for (int i = 0; i < img.Length; i++) img[i] = Math.Round(Math.Clamp(img[i] + 0.05 * rng.Normal(), 0, 1), 4);
                images.Add(img);
                labels.Add(label);
            }
        var order = rng.Permutation(images.Count);
        return (order.Select(i => images[i]).ToArray(), order.Select(i => labels[i]).ToArray());
    }

    private static void Set(double[] img, int r, int c, double v)
    {
        if (r is >= 0 and < Side && c is >= 0 and < Side) img[r * Side + c] = v;
    }

    private static void DrawBar(double[] img, Rng rng, double v)
    {
        int len = 5 + rng.NextInt(4);
        int line = rng.NextInt(Side);
        int start = rng.NextInt(Side - len + 1);
        bool horizontal = rng.NextInt(2) == 0;
        for (int k = 0; k < len; k++)
            if (horizontal) Set(img, line, start + k, v); else Set(img, start + k, line, v);
    }

    private static void DrawEdge(double[] img, Rng rng, double v)
    {
        int at = 2 + rng.NextInt(5); // boundary between 2 and 6
        int side = rng.NextInt(4);
        for (int r = 0; r < Side; r++)
            for (int c = 0; c < Side; c++)
            {
                bool on = side switch { 0 => r < at, 1 => r >= at, 2 => c < at, _ => c >= at };
                if (on) Set(img, r, c, v);
            }
    }

    private static void DrawCorner(double[] img, Rng rng, double v)
    {
        int a = 4 + rng.NextInt(2), b = 4 + rng.NextInt(2);
        int dr = rng.NextInt(2) == 0 ? 1 : -1, dc = rng.NextInt(2) == 0 ? 1 : -1;
        int r0 = dr > 0 ? rng.NextInt(Side - a + 1) : a - 1 + rng.NextInt(Side - a + 1);
        int c0 = dc > 0 ? rng.NextInt(Side - b + 1) : b - 1 + rng.NextInt(Side - b + 1);
        for (int k = 0; k < a; k++) Set(img, r0 + dr * k, c0, v);
        for (int k = 0; k < b; k++) Set(img, r0, c0 + dc * k, v);
    }

    private static void DrawShape(double[] img, Rng rng, double v)
    {
        int kind = rng.NextInt(3);
        if (kind == 0)
        {
            int s = 3 + rng.NextInt(2);
            int r0 = rng.NextInt(Side - s + 1), c0 = rng.NextInt(Side - s + 1);
            for (int k = 0; k < s; k++)
            {
                Set(img, r0, c0 + k, v); Set(img, r0 + s - 1, c0 + k, v);
                Set(img, r0 + k, c0, v); Set(img, r0 + k, c0 + s - 1, v);
            }
        }
        else if (kind == 1)
        {
            int s = 2 + rng.NextInt(2);
            int r0 = rng.NextInt(Side - s + 1), c0 = rng.NextInt(Side - s + 1);
            for (int r = 0; r < s; r++)
                for (int c = 0; c < s; c++) Set(img, r0 + r, c0 + c, v);
        }
        else
        {
            int r0 = 1 + rng.NextInt(Side - 2), c0 = 1 + rng.NextInt(Side - 2);
            Set(img, r0, c0, v);
            Set(img, r0 - 1, c0, v); Set(img, r0 + 1, c0, v);
            Set(img, r0, c0 - 1, v); Set(img, r0, c0 + 1, v);
        }
    }
}
