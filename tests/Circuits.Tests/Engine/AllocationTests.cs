using Hwsim.Circuits.Tests.Support;
using Hwsim.Circuits.Analyses;
using Hwsim.Circuits.Netlist;
using Hwsim.Circuits.Simulation;

namespace Hwsim.Circuits.Tests.Engine;

/// <summary>No allocation inside a Newton iteration: loading, refactoring and solving reuse their arrays.</summary>
public class AllocationTests
{
    [Fact]
    public void When_NewtonIteratesOnNonlinearCircuit_Expect_NoAllocation()
    {
        var parsed = NetlistReader.Parse("""
            nonlinear mix
            .model dm D(is=1e-14 n=1.5 rs=10 cjo=2p)
            .model sm SW(vt=0.5 vh=0.1 ron=10 roff=1meg)
            V1 in 0 dc 2
            R1 in a 1k
            D1 a b dm
            C1 b 0 1n
            R2 b 0 10k
            L1 b c 1u
            R3 c 0 100
            E1 e 0 b 0 2
            S1 e f a 0 sm
            R4 f 0 1k
            B1 g 0 V = tanh(v(b))*v(a)
            R5 g 0 1k
            .op
            .end
            """, "alloc.cir");
        var engine = parsed.CreateEngine();
        new OperatingPointAnalysis().Run(engine);            // set-up, ordering, first factorisation
        var state = engine.State;
        var allocated = SteadyStateAllocation.Bytes(() =>
        {
            for (var k = 0; k < 10; k++)
            {
                state.Biasing.Init = InitializationMode.Float;
                engine.Newton.Iterate(100);
            }
        });
        Assert.Equal(0, allocated);
    }
}
