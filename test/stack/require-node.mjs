// Plain JavaScript on purpose: it must run, and explain itself, on the old Node it refuses.
const [major] = process.versions.node.split('.').map(Number);
if (major !== 24) {
  console.error(
    `Questa piattaforma richiede Node.js 24 LTS; in uso c'è Node.js ${process.versions.node}.\n` +
      'This project needs Node.js 24 LTS (see .nvmrc). Install it, e.g. `nvm use` or ' +
      '`npm install --prefix ~/.node24 node@24` and put ~/.node24/node_modules/node/bin first on PATH.',
  );
  process.exit(1);
}
