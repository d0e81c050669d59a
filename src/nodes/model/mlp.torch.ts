/** model.mlp in PyTorch: the same layers, parameter names (`l0.weight` ↔ `l0/w`) and init as src/score/networks/mlp.ts. */
import { defineTorchForm, py } from '../torch-form';

interface MlpParams {
  width: number;
  depth: number;
  activation: 'elu' | 'silu';
  divideBySigma: boolean;
}

const CODE = `class ScoreMLP(nn.Module):
    """s(x, σ) for flattened data: input [x, log σ], \`depth\` hidden layers of \`width\` units
    with ELU or SiLU, a linear output the size of x (no output activation). nn.Linear's default
    init, U(±1/√fan_in), is scoregraph's. With divide_by_sigma the score is f(x, log σ)/σ
    (NCSNv2 Technique 3), so the network only outputs O(1) values at every level."""

    def __init__(self, shape, width, depth, activation, divide_by_sigma):
        super().__init__()
        self.shape = tuple(shape)
        self.divides_by_sigma = divide_by_sigma
        self.depth = depth
        self.act = F.silu if activation == "silu" else F.elu
        dim = math.prod(shape)
        fan_in = dim + 1
        for i in range(depth):
            self.add_module(f"l{i}", nn.Linear(fan_in, width))
            fan_in = width
        self.out = nn.Linear(fan_in, dim)

    def forward(self, x, sigma, labels):
        h = torch.cat([x.flatten(1), sigma.log()[:, None]], 1)
        for i in range(self.depth):
            h = self.act(getattr(self, f"l{i}")(h))
        return self.out(h).view_as(x)
`;

export default defineTorchForm<MlpParams>({
  role: 'model',
  emit({ params, resolved }) {
    const { width, depth, activation, divideBySigma } = params;
    return {
      code: CODE,
      build:
        `ScoreMLP(shape=${py(resolved.dataset.shape)}, width=${width}, depth=${depth}, ` +
        `activation=${py(activation)}, divide_by_sigma=${py(divideBySigma)})`,
      checkpoint: { kind: 'mlp', config: { width, depth, activation, divideBySigma } },
      summary: `MLP score network: ${depth} × ${width} ${activation}${divideBySigma ? ', output / σ' : ''}`,
    };
  },
});
