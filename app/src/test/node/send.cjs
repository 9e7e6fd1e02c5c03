// Sends a page, an identify, a track and an alias with the official Node SDK, unchanged but for its host.
// Usage: node send.cjs <host> <writeKey> <userId> <anonymousId> <email> <orderId>
const { Analytics } = require('@segment/analytics-node')

const [host, writeKey, userId, anonymousId, email, orderId] = process.argv.slice(2)
const analytics = new Analytics({ writeKey, host, maxRetries: 1 })
const statuses = []
let failed = false
analytics.on('http_response', (response) => statuses.push(response.status))
analytics.on('error', (error) => {
  console.error('delivery failed', error)
  failed = true
})

analytics.page({ anonymousId, name: 'Home', properties: { url: 'https://shop.example/', referrer: 'https://duckduckgo.com/' } })
analytics.identify({ userId, anonymousId, traits: { email, firstName: 'Grace', lastName: 'Hopper' } })
analytics.track({ userId, event: 'Order Completed', properties: { order_id: orderId, total: 30.5, currency: 'EUR' } })
analytics.alias({ userId, previousId: anonymousId })

analytics.closeAndFlush({ timeout: 20000 }).then(() => {
  console.log('http statuses', statuses.join(','))
  process.exit(failed || statuses.length === 0 || statuses.some((s) => s !== 200) ? 1 : 0)
})
