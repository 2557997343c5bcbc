namespace Hwsim.Circuits.Devices;

/// <summary>Level 1: the Shichman-Hodges square law with body effect and channel-length modulation (mos1load.c).</summary>
internal sealed class ShichmanHodges(double lambda) : IMosfetDrainCurrent
{
    private double _vbi, _gamma, _phi, _beta;

    public void Prepare(in MosfetChannel channel)
    {
        _vbi = channel.Vbi * channel.Type;
        _gamma = channel.Gamma;
        _phi = channel.Phi;
        _beta = channel.Beta;
    }

    public double Evaluate(double vgs, double vbs, double vds, double vt, out double gm, out double gds, out double gmbs,
        out double von, out double vdsat)
    {
        double sarg;
        if (vbs <= 0)
        {
            sarg = Math.Sqrt(_phi - vbs);
        }
        else
        {
            sarg = Math.Sqrt(_phi);
            sarg -= vbs / (sarg + sarg);
            sarg = Math.Max(0, sarg);
        }
        von = _vbi + _gamma * sarg;
        var vgst = vgs - von;
        vdsat = Math.Max(vgst, 0);
        var arg = sarg <= 0 ? 0 : _gamma / (sarg + sarg);
        if (vgst <= 0)
        {
            gm = gds = gmbs = 0;
            return 0;
        }
        var betap = _beta * (1 + lambda * vds);
        double cdrain;
        if (vgst <= vds)
        {
            cdrain = betap * vgst * vgst * .5;
            gm = betap * vgst;
            gds = lambda * _beta * vgst * vgst * .5;
        }
        else
        {
            cdrain = betap * vds * (vgst - .5 * vds);
            gm = betap * vds;
            gds = betap * (vgst - vds) + lambda * _beta * vds * (vgst - .5 * vds);
        }
        gmbs = gm * arg;
        return cdrain;
    }
}
